package vn.qcdc.steering;

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
        grants.mayStart(Role.STEERING_SECRETARY, PROCESS_KEY);
    }
}
