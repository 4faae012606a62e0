package vn.qcdc.targets;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import vn.qcdc.identity.Role;

/** Who reads the targets dashboard: the steering committee, supervisors, auditors, admins. */
public final class TargetsAccess {

    static final Set<Role> READERS = Set.of(Role.STEERING_SECRETARY, Role.STEERING_HEAD, Role.SUPERVISOR, Role.AUDITOR,
            Role.ADMIN);

    private TargetsAccess() {
    }

    public static boolean allows(Authentication user) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> READERS.stream().anyMatch(r -> r.authority().equals(a)));
    }
}
