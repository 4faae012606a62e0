package vn.qcdc.identity;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may start which process is declared in the BPMN itself ({@code camunda:candidateStarterGroups} names role
 * groups); this turns each declaration of the deployed processes into the engine grants that enforce it.
 */
@Component
class StartGrants {

    private static final Logger log = LoggerFactory.getLogger(StartGrants.class);

    private final RepositoryService repository;
    private final Grants grants;

    StartGrants(RepositoryService repository, Grants grants) {
        this.repository = repository;
        this.grants = grants;
    }

    /** Grants every declared starter role; a group that names no role is a modelling mistake and stops the start. */
    void grantDeclaredStarters() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            for (String groupId : starterGroups(definition)) {
                Role role = Role.ofGroupId(groupId).orElseThrow(() -> new IllegalStateException("Process "
                        + definition.getKey() + " names starter group '" + groupId + "', which is not a role"));
                grants.mayStart(role, definition.getKey());
                log.debug("{} may start {}", role.groupId(), definition.getKey());
            }
        }
    }

    private List<String> starterGroups(ProcessDefinition definition) {
        return repository.getIdentityLinksForProcessDefinition(definition.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().toList();
    }
}
