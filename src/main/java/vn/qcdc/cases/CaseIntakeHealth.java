package vn.qcdc.cases;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}: a case whose process could not be started has a receipt but reaches no
 * officer, so the node reports it (status {@value #WARNING}, answered 200: the node itself serves) until an
 * admin has retried the start job in Cockpit.
 */
@Component("caseIntakeHealthIndicator")
class CaseIntakeHealth implements HealthIndicator {

    static final String WARNING = "WARNING";

    private final CaseProcessStart processStart;
    private final CaseRepository cases;

    CaseIntakeHealth(CaseProcessStart processStart, CaseRepository cases) {
        this.processStart = processStart;
        this.cases = cases;
    }

    @Override
    public Health health() {
        int failed = processStart.failedStarts().size();
        return (failed == 0 ? Health.up() : Health.status(new Status(WARNING, "cases whose process failed to start")))
                .withDetail("casesFailedToStart", failed)
                .withDetail("casesAwaitingProcess", cases.countAwaitingProcess()).build();
    }
}
