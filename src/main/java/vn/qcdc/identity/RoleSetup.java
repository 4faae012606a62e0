package vn.qcdc.identity;

import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and their standing grants, idempotently, on every start: which Camunda
 * app each role may open, who may read what. Task visibility itself comes from candidate groups
 * per unit (the engine grants those per task).
 */
@Component
@Order(10)
class RoleSetup implements ApplicationRunner {

    static final String ROLE_GROUP_TYPE = "ROLE";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final IdentityService identityService;
    private final MessageSource messages;
    private final Grants grants;
    private final StartGrants startGrants;

    RoleSetup(IdentityService identityService, MessageSource messages, Grants grants, StartGrants startGrants) {
        this.identityService = identityService;
        this.messages = messages;
        this.grants = grants;
        this.startGrants = startGrants;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            ensureGroup(role);
        }
        for (Role role : Role.unitScopedRoles()) {
            grants.grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grants.grant(role, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        }
        // starting a process needs an explicit grant, to the roles its BPMN names as candidate starters
        startGrants.grantDeclaredStarters();
        grants.grant(Role.AUDITOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.grant(Role.AUDITOR, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grant(Role.AUDITOR, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        grants.grant(Role.AUDITOR, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grant(Role.AUDITOR, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        grants.grant(Role.AUDITOR, Resources.TASK, Authorization.ANY, Permissions.READ);
        for (Resource resource : Resources.values()) {
            grants.grant(Role.ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
    }

    private void ensureGroup(Role role) {
        if (identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(role.groupId());
        group.setName(messages.getMessage(role.messageKey(), null, VI));
        group.setType(ROLE_GROUP_TYPE);
        identityService.saveGroup(group);
    }

}
