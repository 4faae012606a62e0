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
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;

/** What a process test does to the engine: find and complete tasks, fire a due timer, read candidate groups. */
public interface ProcessSteps {

    ProcessEngine engine();

    default List<Task> tasks(ProcessInstance pi, String key) {
        return engine().getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    /** The one open task of this step, or null. */
    default Task task(ProcessInstance pi, String key) {
        return engine().getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    default void complete(Task task, Object... keyValues) {
        assertThat(task).as("open task").isNotNull();
        engine().getTaskService().complete(task.getId(), vars(keyValues));
    }

    /** camunda-bpm-assert on this test's engine: {@code waitingAt(pi, "record-minutes")}, {@code assertThat(pi).isEnded()}. */
    default ProcessInstanceAssert assertThatProcess(ProcessInstance pi) {
        BpmnAwareTests.init(engine());
        return BpmnAwareTests.assertThat(pi);
    }

    /** The process waits at exactly these activities (and possibly others only where the test names them). */
    default ProcessInstanceAssert waitingAt(ProcessInstance pi, String... activityIds) {
        return assertThatProcess(pi).isWaitingAt(activityIds);
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
