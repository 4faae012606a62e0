package vn.qcdc.inspection;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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
        grants.grant(Role.STEERING_SECRETARY, Resources.PROCESS_DEFINITION, PLAN_PROCESS, Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grants.grant(Role.STEERING_SECRETARY, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
}
