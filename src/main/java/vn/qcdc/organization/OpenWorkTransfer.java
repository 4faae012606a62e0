package vn.qcdc.organization;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Role;

/**
 * Moves the open work of a dissolved unit to its successor: candidate groups of open tasks, and the
 * {@value #UNIT_VARIABLE} variable that every process keeps for its responsible unit.
 */
@Component
class OpenWorkTransfer {

    /** Every process names its responsible unit in this variable. */
    static final String UNIT_VARIABLE = "unitCode";

    private final TaskService taskService;
    private final RuntimeService runtimeService;

    OpenWorkTransfer(TaskService taskService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    /** @return the number of open tasks that changed hands */
    int move(String fromUnit, String toUnit) {
        int moved = 0;
        for (Role role : Role.unitScopedRoles()) {
            String from = role.groupOf(fromUnit);
            for (Task task : taskService.createTaskQuery().taskCandidateGroup(from).includeAssignedTasks().list()) {
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && from.equals(link.getGroupId())) {
                        taskService.deleteCandidateGroup(task.getId(), from);
                        taskService.addCandidateGroup(task.getId(), role.groupOf(toUnit));
                        moved++;
                    }
                }
            }
        }
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                .variableValueEquals(UNIT_VARIABLE, fromUnit).list()) {
            runtimeService.setVariableLocal(variable.getExecutionId(), UNIT_VARIABLE, toUnit);
        }
        return moved;
    }
}
