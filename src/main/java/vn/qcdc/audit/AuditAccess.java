package vn.qcdc.audit;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ResponseStatusException;

import vn.qcdc.identity.Role;

/** Who reads the audit pages: auditors and admins, nobody else. */
public final class AuditAccess {

    private AuditAccess() {
    }

    public static boolean allows(Authentication user) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.AUDITOR.authority()) || a.equals(Role.ADMIN.authority()));
    }

    static void require(Authentication user) {
        if (!allows(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
