package vn.qcdc.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who sees whom in the user directory: an officer reads the users and groups of their own units (to
 * see who holds a task, to pick a colleague), nobody else's; every user reads their own account and
 * may not change or delete it through the engine (passwords change on our own page).
 *
 * <p>The engine grants these as users, groups and memberships are created (a resource authorization
 * provider), so accounts added in Camunda Admin are covered at once; at start-up the grants are
 * brought in step with the memberships, which also removes those of officers who left a unit.
 */
@Component
@Order(70)
class UnitDirectoryGrants extends AbstractProcessEnginePlugin implements ApplicationRunner {

    private final IdentityService identityService;
    private final AuthorizationService authorizations;

    UnitDirectoryGrants(@Lazy IdentityService identityService, @Lazy AuthorizationService authorizations) {
        this.identityService = identityService;
        this.authorizations = authorizations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    /** {@code hg-vithanh-p1:reception-officer} → {@code hg-vithanh-p1}; empty for role and other groups. */
    static Optional<String> unitOf(String groupId) {
        int colon = groupId == null ? -1 : groupId.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String role = groupId.substring(colon + 1);
        return Role.ofGroupId(role).filter(Role::unitScoped).map(r -> groupId.substring(0, colon));
    }

    static List<String> roleGroupsOf(String unit) {
        return Role.unitScopedRoles().stream().map(r -> r.groupOf(unit)).toList();
    }

    private static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newUser(User user) {
            // Camunda's default is ALL on one's own account, which lets anyone delete or rename themselves
            return new AuthorizationEntity[] {
                    createAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ)};
        }

        @Override
        public AuthorizationEntity[] newGroup(Group group) {
            List<AuthorizationEntity> grants = listOf(super.newGroup(group));
            unitOf(group.getId()).ifPresent(unit -> {
                for (String sibling : roleGroupsOf(unit)) {
                    if (!sibling.equals(group.getId())) {
                        addIfMissing(grants, sibling, Resources.GROUP, group.getId());
                        addIfMissing(grants, group.getId(), Resources.GROUP, sibling);
                    }
                }
            });
            return grants.toArray(AuthorizationEntity[]::new);
        }

        @Override
        public AuthorizationEntity[] groupMembershipCreated(String groupId, String userId) {
            List<AuthorizationEntity> grants = listOf(super.groupMembershipCreated(groupId, userId));
            unitOf(groupId).ifPresent(unit -> roleGroupsOf(unit)
                    .forEach(colleagues -> addIfMissing(grants, colleagues, Resources.USER, userId)));
            return grants.toArray(AuthorizationEntity[]::new);
        }

        private static List<AuthorizationEntity> listOf(AuthorizationEntity[] defaults) {
            return defaults == null ? new ArrayList<>() : new ArrayList<>(List.of(defaults));
        }

        private void addIfMissing(List<AuthorizationEntity> grants, String groupId,
                org.camunda.bpm.engine.authorization.Resource resource, String resourceId) {
            if (getGrantAuthorizationByGroupId(groupId, resource, resourceId) == null) {
                grants.add(createAuthorization(null, groupId, resource, resourceId, Permissions.READ));
            }
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        // before unit-level grants: every officer read every account and group
        for (Role role : Role.unitScopedRoles()) {
            for (var resource : List.of(Resources.USER, Resources.GROUP)) {
                authorizations.createAuthorizationQuery().groupIdIn(role.groupId()).resourceType(resource)
                        .resourceId(Authorization.ANY).list()
                        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
            }
        }
        for (var own : authorizations.createAuthorizationQuery().resourceType(Resources.USER).list()) {
            if (own.getUserId() != null && own.getUserId().equals(own.getResourceId())
                    && own.isPermissionGranted(Permissions.DELETE)) {
                authorizations.deleteAuthorization(own.getId());
                Authorization readOnly = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                readOnly.setUserId(own.getUserId());
                readOnly.setResource(Resources.USER);
                readOnly.setResourceId(own.getResourceId());
                readOnly.addPermission(Permissions.READ);
                authorizations.saveAuthorization(readOnly);
            }
        }
        Set<String> wanted = new HashSet<>();
        for (Group group : identityService.createGroupQuery().list()) {
            Optional<String> unit = unitOf(group.getId());
            if (unit.isEmpty()) {
                continue;
            }
            for (String colleagues : roleGroupsOf(unit.get())) {
                wanted.add(colleagues + "|GROUP|" + group.getId());
                for (User member : identityService.createUserQuery().memberOfGroup(group.getId()).list()) {
                    wanted.add(colleagues + "|USER|" + member.getId());
                }
            }
        }
        Set<String> present = new HashSet<>();
        for (var resource : List.of(Resources.USER, Resources.GROUP)) {
            for (Authorization a : authorizations.createAuthorizationQuery().resourceType(resource).list()) {
                if (a.getGroupId() == null || unitOf(a.getGroupId()).isEmpty()) {
                    continue;
                }
                String key = a.getGroupId() + "|" + (resource == Resources.USER ? "USER" : "GROUP") + "|" + a.getResourceId();
                if (wanted.contains(key) || a.getGroupId().equals(a.getResourceId())) {
                    present.add(key);
                } else {
                    authorizations.deleteAuthorization(a.getId());
                }
            }
        }
        wanted.removeAll(present);
        for (String key : wanted) {
            String[] parts = key.split("\\|");
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(parts[0]);
            grant.setResource("USER".equals(parts[1]) ? Resources.USER : Resources.GROUP);
            grant.setResourceId(parts[2]);
            grant.addPermission(Permissions.READ);
            authorizations.saveAuthorization(grant);
        }
    }
}
