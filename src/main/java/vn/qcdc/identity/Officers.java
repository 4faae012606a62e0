package vn.qcdc.identity;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who an officer is and which groups they hold: the one place other modules ask, through the engine's identity API. */
@Component
public class Officers {

    private final IdentityService identityService;

    Officers(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The groups the request's engine authentication already carries (set once per request), else one query. */
    public Officer of(String userId) {
        var current = identityService.getCurrentAuthentication();
        if (current != null && userId.equals(current.getUserId()) && current.getGroupIds() != null) {
            return new Officer(userId, Set.copyOf(current.getGroupIds()));
        }
        return SystemAuthority.call(identityService, () -> new Officer(userId, identityService.createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toSet())));
    }

    /** The user the engine is acting for (a task's completer, a form's submitter); {@code fallback} when none. */
    public String currentUserOr(String fallback) {
        var current = identityService.getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : fallback;
    }

    /** A person who may be picked in a form: the user id and the name to show. */
    public record Person(String userId, String name) {
    }

    /** Everyone who holds one of these roles in the unit (any unit-scoped role if none is named), by name. */
    public List<Person> inUnit(String unitCode, Role... roles) {
        List<Role> wanted = roles.length > 0 ? List.of(roles) : Role.unitScopedRoles();
        return SystemAuthority.call(identityService, () -> {
            Map<String, Person> people = new LinkedHashMap<>();
            for (Role role : wanted) {
                for (User user : identityService.createUserQuery().memberOfGroup(role.groupOf(unitCode)).list()) {
                    people.putIfAbsent(user.getId(), new Person(user.getId(), nameOf(user)));
                }
            }
            return people.values().stream().sorted(Comparator.comparing(Person::name).thenComparing(Person::userId))
                    .toList();
        });
    }

    /** Everyone who holds this role anywhere, by name. */
    public List<Person> withRole(Role role) {
        return SystemAuthority.call(identityService, () -> identityService.createUserQuery().memberOfGroup(role.groupId())
                .list().stream().map(u -> new Person(u.getId(), nameOf(u)))
                .sorted(Comparator.comparing(Person::name).thenComparing(Person::userId)).toList());
    }

    /** "First Last" as the user directory has it; the user id itself for an unknown user. */
    public String displayName(String userId) {
        User user = SystemAuthority.call(identityService,
                () -> identityService.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : nameOf(user);
    }

    private static String nameOf(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
