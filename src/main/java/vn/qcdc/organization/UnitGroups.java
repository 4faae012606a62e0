package vn.qcdc.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Role;

/**
 * Keeps one Camunda group per organisation unit and unit-scoped role ("unit:role") in step with the
 * tree: these are the candidate groups of every task, so work reaches only that unit's officers.
 */
@Component
public class UnitGroups {

    static final String GROUP_TYPE = "UNIT";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final IdentityService identityService;
    private final MessageSource messages;

    UnitGroups(IdentityService identityService, MessageSource messages) {
        this.identityService = identityService;
        this.messages = messages;
    }

    public void ensureFor(OrgUnit unit) {
        ensureFor(List.of(unit));
    }

    /** Creates missing groups and renames those whose unit was renamed; one query for the lot. */
    public void ensureFor(List<OrgUnit> units) {
        Map<String, Group> existing = new HashMap<>();
        identityService.createGroupQuery().groupType(GROUP_TYPE).list().forEach(g -> existing.put(g.getId(), g));
        for (OrgUnit unit : units) {
            if (!unit.type().hasOfficers() || unit.dissolved()) {
                continue;
            }
            for (Role role : Role.unitScopedRoles()) {
                String id = role.groupOf(unit.code());
                String name = messages.getMessage(role.messageKey(), null, VI) + " – " + unit.name();
                Group group = existing.get(id);
                if (group == null) {
                    group = identityService.newGroup(id);
                    group.setType(GROUP_TYPE);
                } else if (name.equals(group.getName())) {
                    continue;
                }
                group.setName(name);
                identityService.saveGroup(group);
            }
        }
    }

    /** Officers of a dissolved unit carry on in its successor. */
    void transferMembers(String fromUnit, String toUnit) {
        for (Role role : Role.unitScopedRoles()) {
            String from = role.groupOf(fromUnit);
            String to = role.groupOf(toUnit);
            if (identityService.createGroupQuery().groupId(to).count() == 0) {
                continue;
            }
            List<String> already = identityService.createUserQuery().memberOfGroup(to).list().stream()
                    .map(User::getId).toList();
            for (User user : identityService.createUserQuery().memberOfGroup(from).list()) {
                if (!already.contains(user.getId())) {
                    identityService.createMembership(user.getId(), to);
                }
            }
        }
    }
}
