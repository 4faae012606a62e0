package vn.qcdc.cases;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * A denouncer may denounce further to the superior unit (Law on Denunciations Art. 38) when the resolution
 * deadline has passed without a conclusion, or when a conclusion was made and they have grounds to think it
 * wrong; once per first denunciation, and only where the unit has a superior.
 */
@Component
class FurtherDenunciationWindow {

    private final CaseRepository cases;

    FurtherDenunciationWindow(CaseRepository cases) {
        this.cases = cases;
    }

    boolean open(CitizenCase c, Instant now) {
        if (c.kind() != CaseKind.DENUNCIATION || c.round() != 1 || cases.hasFollowUpCase(c.id())) {
            return false;
        }
        if (c.status() == CaseStatus.DECIDED && c.decisionAt() != null) {
            return true;
        }
        return c.closedAt() == null && c.statutoryDeadline() != null && now.isAfter(c.statutoryDeadline());
    }
}
