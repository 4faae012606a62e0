package vn.qcdc.steering;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Grants;
import vn.qcdc.identity.Role;

/** Steering secretaries open a periodic review from Tasklist. */
@Component
@Order(18)
class ReviewGrants implements ApplicationRunner {

    static final String PROCESS_KEY = "periodic-review";

    private final Grants grants;

    ReviewGrants(Grants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.grant(Role.STEERING_SECRETARY, Resources.PROCESS_DEFINITION, PROCESS_KEY, Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grants.grant(Role.STEERING_SECRETARY, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
}
