package vn.qcdc.cases;

import java.time.Instant;

import org.springframework.stereotype.Component;

import vn.qcdc.rules.DeadlineService;

/**
 * A first-time complaint may go to the next level within 30 days (45 in remote areas) of the decision,
 * or of the day the resolution deadline passed without one (Law on Complaints Art. 33).
 */
@Component
class SecondComplaintWindow {

    private final DeadlineService deadlines;
    private final CaseRepository cases;

    SecondComplaintWindow(DeadlineService deadlines, CaseRepository cases) {
        this.deadlines = deadlines;
        this.cases = cases;
    }

    boolean open(CitizenCase c, Instant now) {
        if (c.kind() != CaseKind.COMPLAINT || c.round() != 1 || cases.hasFollowUpCase(c.id())) {
            return false;
        }
        Instant from = from(c, now);
        return from != null && !now.isAfter(closes(c, from));
    }

    /** When the window started: the decision, or the missed deadline; null while neither has happened. */
    Instant from(CitizenCase c, Instant now) {
        if (c.status() == CaseStatus.DECIDED && c.decisionAt() != null) {
            return c.decisionAt();
        }
        if (c.closedAt() == null && c.statutoryDeadline() != null && now.isAfter(c.statutoryDeadline())) {
            return c.statutoryDeadline();
        }
        return null;
    }

    Instant closes(CitizenCase c, Instant from) {
        return deadlines.dueInstant(c.remoteArea() ? "complaint.second-window.remote" : "complaint.second-window", from);
    }
}
