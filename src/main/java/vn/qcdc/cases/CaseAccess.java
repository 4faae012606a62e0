package vn.qcdc.cases;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import vn.qcdc.identity.SystemAuthority;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Officer;
import vn.qcdc.identity.Role;

/**
 * Who may read a case on our pages, and who may see a denouncer's identity: only the handling
 * officer assigned to the denunciation and the head of the unit handling it (Law on Denunciations
 * Art. 8, 47). Everyone else, auditors included, sees it masked.
 */
@Component
public class CaseAccess {

    /**
     * The BPMN marks the steps whose assignee is "the assigned handling officer" with
     * {@code <camunda:property name="seesDenouncer" value="true"/>}.
     */
    static final String SEES_DENOUNCER = "seesDenouncer";

    private final IdentityService identityService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final Map<String, Set<String>> markedStepsByDefinition = new ConcurrentHashMap<>();

    CaseAccess(IdentityService identityService, HistoryService historyService, RepositoryService repositoryService) {
        this.identityService = identityService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
    }

    public boolean canRead(Officer reader, CitizenCase c) {
        return reader.readsEverything() || reader.units().contains(c.unitCode());
    }

    /** Officers of the unit write internal notes; its People's Inspection Board writes supervision comments. */
    public CaseNotes.Visibility noteKindFor(Officer reader, CitizenCase c) {
        if (reader.inUnit(c.unitCode(), Role.PEOPLE_INSPECTOR)) {
            return CaseNotes.Visibility.SUPERVISION;
        }
        return reader.units().contains(c.unitCode()) ? CaseNotes.Visibility.INTERNAL : null;
    }

    public boolean canUpload(Officer reader, CitizenCase c) {
        return reader.units().contains(c.unitCode()) && !reader.inUnit(c.unitCode(), Role.PEOPLE_INSPECTOR);
    }

    /** Reception officers of the unit print (and reprint) the citizen's receipt, which issues a new PIN. */
    public boolean canIssueReceipt(Officer reader, CitizenCase c) {
        return reader.inUnit(c.unitCode(), Role.RECEPTION_OFFICER);
    }

    public boolean canSeeIdentity(Officer reader, CitizenCase c) {
        if (c.kind() != CaseKind.DENUNCIATION) {
            return false;
        }
        if (reader.inUnit(c.unitCode(), Role.UNIT_HEAD)) {
            return true;
        }
        return reader.inUnit(c.unitCode(), Role.HANDLING_OFFICER) && SystemAuthority.call(identityService,
                () -> historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(c.trackingCode())
                        .taskAssignee(reader.userId()).list().stream()
                        .anyMatch(t -> t.getProcessDefinitionId() != null
                                && markedSteps(t.getProcessDefinitionId()).contains(t.getTaskDefinitionKey())));
    }

    /** The user tasks of one deployed process that the BPMN marks as seeing the denouncer (a deployment never changes). */
    Set<String> markedSteps(String processDefinitionId) {
        return markedStepsByDefinition.computeIfAbsent(processDefinitionId, id -> repositoryService
                .getBpmnModelInstance(id).getModelElementsByType(UserTask.class).stream()
                .filter(task -> task.getExtensionElements() != null && task.getExtensionElements()
                        .getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                        .flatMap(p -> p.getCamundaProperties().stream())
                        .anyMatch(p -> SEES_DENOUNCER.equals(p.getCamundaName()) && "true".equals(p.getCamundaValue())))
                .map(UserTask::getId).collect(Collectors.toUnmodifiableSet()));
    }
}
