package vn.qcdc.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Idempotent Camunda grants to a role group; each capability declares the grants it needs at start-up. */
@Component
public class Grants {

    private final AuthorizationService authorizations;

    Grants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Starting a process needs an explicit grant: the role may see the definition and start instances of it. */
    public void mayStart(Role role, String processKey) {
        grant(role, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(role, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }

    /** Grants to a role group unless the same grant is already there. */
    public void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(role.groupId())
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization auth = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            auth.setGroupId(role.groupId());
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission p : permissions) {
            if (!auth.isPermissionGranted(p)) {
                auth.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(auth);
        }
    }
}
