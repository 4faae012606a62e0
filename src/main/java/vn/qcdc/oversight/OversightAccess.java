package vn.qcdc.oversight;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import vn.qcdc.identity.Role;

/** Who uses the board: supervisors (their units and below) and admins (every unit). */
public final class OversightAccess {

    private OversightAccess() {
    }

    public static boolean allows(Authentication user) {
        return has(user, Role.SUPERVISOR) || has(user, Role.ADMIN);
    }

    static boolean isAdmin(Authentication user) {
        return has(user, Role.ADMIN);
    }

    private static boolean has(Authentication user, Role role) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role.authority()::equals);
    }
}
