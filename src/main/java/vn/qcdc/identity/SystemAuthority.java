package vn.qcdc.identity;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls on the system's authority, without the signed-in user's engine authorizations,
 * for steps whose access our own rules have already decided: a reception officer's form opening a
 * case, a board member reading a case's history, a dialogue's question becoming a petition.
 */
public final class SystemAuthority {

    private SystemAuthority() {
    }

    public static <T> T call(IdentityService identityService, Supplier<T> work) {
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
