package vn.qcdc.organization;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

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
                .groupMember(userId).list().stream().map(Group::getId).filter(g -> g.endsWith(":" + role.groupId()))
                .map(g -> g.substring(0, g.lastIndexOf(':'))).toList());
        return scope.stream().filter(code -> held.stream().noneMatch(unit -> units.isWithin(code, unit))).toList();
    }
}
