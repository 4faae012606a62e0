package vn.qcdc.selfcriticism;

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
        grants.mayStart(Role.STEERING_SECRETARY, ROUND_PROCESS);
    }
}
