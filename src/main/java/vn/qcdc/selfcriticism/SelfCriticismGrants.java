package vn.qcdc.selfcriticism;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Grants;
import vn.qcdc.identity.Role;

/** Steering secretaries open the year's round of self-criticism sessions from Tasklist. */
@Component
@Order(16)
class SelfCriticismGrants implements ApplicationRunner {

    static final String ROUND_PROCESS = "selfcriticism-round";

    private final Grants grants;

    SelfCriticismGrants(Grants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.grant(Role.STEERING_SECRETARY, Resources.PROCESS_DEFINITION, ROUND_PROCESS, Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grants.grant(Role.STEERING_SECRETARY, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
}
