package vn.qcdc.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.platform.EngineRefusal;
import vn.qcdc.identity.Role;
import vn.qcdc.identity.SystemAuthority;

/** Whether a user holds a role over units: in a unit that each of them is, or lies within, in the tree as it stands. */
@Component
public class UnitAuthority {

    private final IdentityService identityService;
    private final OrgUnitRepository units;

    UnitAuthority(@Lazy IdentityService identityService, OrgUnitRepository units) {
        this.identityService = identityService;
        this.units = units;
    }

    /** The units of {@code scope} that lie outside every unit where {@code userId} holds {@code role}. */
    public List<String> outside(String userId, Role role, Collection<String> scope) {
        List<String> held = SystemAuthority.call(identityService, () -> identityService.createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).map(role::unitOfGroup).flatMap(Optional::stream)
                .toList());
        return scope.stream().filter(code -> held.stream().noneMatch(unit -> units.isWithin(code, unit))).toList();
    }

    /**
     * Refuses, with {@code refusalKey} and the units outside, a step opened by a user for units outside
     * their own; the system's own starts (timers, no user) are not checked.
     */
    public void requireOver(String userId, Role role, Collection<String> scope, String refusalKey) {
        if (userId == null || userId.isEmpty() || "system".equals(userId)) {
            return;
        }
        List<String> outside = outside(userId, role, scope);
        if (!outside.isEmpty()) {
            throw new EngineRefusal(refusalKey, String.join(", ", outside));
        }
    }
}
