package vn.qcdc.petitions;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine query without the signed-in user's engine authorizations, for pages whose access
 * {@link CaseAccess} has already decided (a People's Inspection Board member reads a case's
 * timeline without any engine grant on process history).
 */
final class Unchecked {

    private Unchecked() {
    }

    static <T> T call(IdentityService identityService, Supplier<T> query) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }
}
