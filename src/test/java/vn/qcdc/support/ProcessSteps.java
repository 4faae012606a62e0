package vn.qcdc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** What a process test does to the engine: find and complete tasks, fire a due timer, read candidate groups. */
public interface ProcessSteps {

    ProcessEngine engine();

    default List<Task> tasks(ProcessInstance pi, String key) {
        return engine().getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    default void complete(Task task, Object... keyValues) {
        assertThat(task).as("open task").isNotNull();
        engine().getTaskService().complete(task.getId(), vars(keyValues));
    }

    /** Runs a timer the test has already moved the engine clock past. */
    default void fireTimer(ProcessInstance pi, String activityId) {
        Job job = engine().getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        engine().getManagementService().executeJob(job.getId());
    }

    default boolean running(ProcessInstance pi) {
        return engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0;
    }

    default List<String> groups(Task task) {
        return engine().getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    default Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
