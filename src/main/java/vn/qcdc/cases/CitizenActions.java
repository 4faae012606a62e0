package vn.qcdc.cases;

import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.qcdc.platform.Refusal;

/** What a citizen can do with the code and PIN: withdraw the case, or take a complaint to the next level. */
@Service
public class CitizenActions {

    private final CaseTracking tracking;
    private final CaseRepository cases;
    private final CaseNotes notes;
    private final CaseIntake intake;
    private final SecondComplaintWindow secondWindow;
    private final RuntimeService runtimeService;
    private final CitizenNotices notices;
    private final CaseRatings ratings;
    private final Clock clock;

    CitizenActions(CaseTracking tracking, CaseRepository cases, CaseNotes notes, CaseIntake intake,
            SecondComplaintWindow secondWindow, RuntimeService runtimeService, CitizenNotices notices, CaseRatings ratings, Clock clock) {
        this.notices = notices;
        this.ratings = ratings;
        this.tracking = tracking;
        this.cases = cases;
        this.notes = notes;
        this.intake = intake;
        this.secondWindow = secondWindow;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Before the decision only. A denunciation may still go on where there are signs of violation. */
    @Transactional
    public CaseTracking.PublicView withdraw(String code, String pin, String clientAddress) {
        // the row lock orders the withdrawal with the job starting the case process
        CitizenCase c = cases.lockForProcessStart(tracking.authorize(code, pin, clientAddress).id()).orElseThrow();
        if (c.status().finished() || c.closedAt() != null) {
            throw Refusal.ofField("trackingCode", "tracking.withdraw.closed");
        }
        cases.markWithdrawn(c.id(), clock.instant());
        notes.add(c.id(), CaseNotes.Visibility.PUBLIC, "citizen", "Công dân đã rút đơn.");
        if (c.processInstanceId() == null && c.kind() != CaseKind.DENUNCIATION) {
            // withdrawn before its process started: there is nothing to stop, and the job will find it closed
            cases.close(c.id(), CaseStatus.WITHDRAWN, clock.instant());
            notices.queue(c.id(), CaseNotice.WITHDRAWN);
            return tracking.viewOf(cases.find(c.id()).orElseThrow());
        }
        // the case process (while classifying) or the kind's process it called reacts: both carry the
        // tracking code as business key, and decide what a withdrawn denunciation needs
        runtimeService.createMessageCorrelation("case-withdrawn").processInstanceBusinessKey(c.trackingCode())
                .correlateAllWithResult();
        return tracking.viewOf(cases.find(c.id()).orElseThrow());
    }

    /** A second-time complaint, at the next level, with its own clock and a mandatory dialogue. */
    @Transactional
    public Receipt escalate(String code, String pin, String clientAddress) {
        CitizenCase c = tracking.authorize(code, pin, clientAddress);
        if (!secondWindow.open(c, clock.instant())) {
            throw Refusal.ofField("trackingCode", "tracking.escalate.closed");
        }
        Receipt receipt = intake.submit(new Submission(CaseKind.COMPLAINT, Channel.PORTAL, c.unitCode(),
                "Khiếu nại lần hai: " + c.title(), c.content(), c.citizenName(), c.citizenAddress(), c.citizenContact(),
                false, c.remoteArea(), java.util.List.of(), "second:" + c.trackingCode(), null, 2, c.id(), null), "citizen");
        notes.add(c.id(), CaseNotes.Visibility.PUBLIC, "citizen",
                "Công dân khiếu nại lần hai, mã hồ sơ mới " + receipt.trackingCode() + ".");
        notices.copySubscription(c.id(), cases.findByCode(receipt.trackingCode()).orElseThrow().id());
        return receipt;
    }

    /** The citizen rates the handling of their decided case, once: 1 to 5 and a comment. */
    @Transactional(noRollbackFor = Refusal.class)
    public CaseTracking.PublicView rate(String code, String pin, String clientAddress, String score, String comment) {
        CitizenCase c = tracking.authorize(code, pin, clientAddress);
        ratings.add(c, score, comment, clock.instant());
        return tracking.viewOf(c);
    }
}
