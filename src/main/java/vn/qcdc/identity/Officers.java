package vn.qcdc.identity;

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

    /** "First Last" as the user directory has it; the user id itself for an unknown user. */
    public String displayName(String userId) {
        User user = SystemAuthority.call(identityService,
                () -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? userId : name;
    }
}
