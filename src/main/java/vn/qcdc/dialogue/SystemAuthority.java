package vn.qcdc.dialogue;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Runs engine calls on the system's authority, once our own access rules have decided (as CaseReception does). */
final class SystemAuthority {

    private SystemAuthority() {
    }

    static <T> T call(IdentityService identityService, Supplier<T> work) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }
}
