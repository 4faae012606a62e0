package vn.qcdc.inspection;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Grants;
import vn.qcdc.identity.Role;

/** Steering secretaries start inspection plans from Tasklist; everything else is a task of the right people. */
@Component
@Order(17)
class InspectionGrants implements ApplicationRunner {

    static final String PLAN_PROCESS = "inspection-plan";

    private final Grants grants;

    InspectionGrants(Grants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.mayStart(Role.STEERING_SECRETARY, PLAN_PROCESS);
    }
}
