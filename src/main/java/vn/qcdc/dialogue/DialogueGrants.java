package vn.qcdc.dialogue;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Grants;
import vn.qcdc.identity.Role;

/** Unit heads start the dialogue process from Tasklist. */
@Component
@Order(15)
class DialogueGrants implements ApplicationRunner {

    static final String PROCESS_KEY = "dialogue";

    private final Grants grants;

    DialogueGrants(Grants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.mayStart(Role.UNIT_HEAD, PROCESS_KEY);
    }
}
