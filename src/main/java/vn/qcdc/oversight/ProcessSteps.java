package vn.qcdc.oversight;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The deployed processes and their user tasks, as the escalation ladder's choices. */
@Component
class ProcessSteps {

    /** A process as an administrator picks it: its key, its name and its steps (key to name). */
    record Process(String key, String name, Map<String, String> steps) {
    }

    private final RepositoryService repositoryService;

    ProcessSteps(@Lazy RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    Collection<Process> all() {
        Map<String, Process> byKey = new LinkedHashMap<>();
        List<ProcessDefinition> latest = repositoryService.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionName().asc().list();
        for (ProcessDefinition definition : latest) {
            Map<String, String> steps = new LinkedHashMap<>();
            for (UserTask task : repositoryService.getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(UserTask.class)) {
                steps.put(task.getId(), task.getName() == null ? task.getId() : task.getName());
            }
            if (!steps.isEmpty()) {
                byKey.putIfAbsent(definition.getKey(), new Process(definition.getKey(),
                        definition.getName() == null ? definition.getKey() : definition.getName(), steps));
            }
        }
        return byKey.values();
    }

    /** Whether a deployed process (any, for {@code *}) has the step (any, for {@code *}). */
    boolean knows(String processKey, String stepKey) {
        return all().stream().anyMatch(p -> (EscalationRules.ANY.equals(processKey) || p.key().equals(processKey))
                && (EscalationRules.ANY.equals(stepKey) || p.steps().containsKey(stepKey)));
    }
}
