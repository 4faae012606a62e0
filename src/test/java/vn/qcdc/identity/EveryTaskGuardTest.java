package vn.qcdc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doReturn;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import vn.qcdc.QcdcApplication;
import vn.qcdc.inspection.InspectionSteps;
import vn.qcdc.selfcriticism.SelfCriticismSteps;
import vn.qcdc.steering.ReviewSteps;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.platform.EngineRefusal;

/**
 * Every user task of every deployed process, present and future, found in the deployed models: an
 * instance is put at the task, and completing it with a variable outside its form, or with a forged
 * value of any variable that identifies the process's object or unit, is refused and changes nothing.
 * The steps that compute deadlines and assignees from stored objects are stubbed, so no object has to
 * exist for the instance to reach the task.
 */
@SpringBootTest(classes = {QcdcApplication.class, EveryTaskGuardTest.ScopeFallbacks.class},
        properties = "qcdc.demo.cases=false")
@ActiveProfiles({"demo", "test"})
class EveryTaskGuardTest {

    /**
     * An instance started directly at a nested task gets its enclosing scopes (multi-instance bodies,
     * subprocesses) and their boundary timers before its variables are set; the expressions of those
     * timers then resolve the same names as beans, which these are.
     */
    @org.springframework.boot.test.context.TestConfiguration
    static class ScopeFallbacks {
        @org.springframework.context.annotation.Bean
        static org.springframework.beans.factory.config.BeanFactoryPostProcessor baseVariablesAsBeans() {
            return beans -> baseVariables().forEach(beans::registerSingleton);
        }
    }

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @MockitoSpyBean(name = "inspections")
    InspectionSteps inspections;
    @MockitoSpyBean(name = "selfCriticism")
    SelfCriticismSteps selfCriticism;
    @MockitoSpyBean(name = "review")
    ReviewSteps review;

    private static final Date IN_TEN_DAYS = new Date(System.currentTimeMillis() + 10L * 24 * 3600 * 1000);
    private final Date inTenDays = IN_TEN_DAYS;

    @BeforeEach
    void stepsThatReadStoredObjects() {
        doReturn(inTenDays).when(inspections).selfReportDue(anyLong());
        doReturn(inTenDays).when(inspections).remediationDue(anyLong());
        doReturn("kiemtra.hg").when(inspections).lead(anyLong());
        doReturn(List.of("kiemtra.hg")).when(inspections).teamUsers(anyLong());
        doReturn(inTenDays).when(selfCriticism).sessionStart(anyLong());
        doReturn(inTenDays).when(selfCriticism).roundDeadline(anyLong());
        doReturn(inTenDays).when(selfCriticism).actionDue(anyLong());
        doReturn("truong.p1").when(selfCriticism).actionOwner(anyLong());
        doReturn(List.of("truong.p1")).when(selfCriticism).officialUsers(anyLong());
        // multi-instance tasks: one element each, as a stored object would give
        doReturn(List.of(DemoUsers.COMMUNE_A)).when(review).unitsOf(anyLong());
        doReturn(List.of(DemoUsers.COMMUNE_A)).when(review).lateUnits(anyLong());
        doReturn(List.of(999L)).when(inspections).remediationItems(anyLong());
        doReturn(List.of(DemoUsers.COMMUNE_A)).when(inspections).unitCodes(anyLong());
        doReturn(List.of(999L)).when(selfCriticism).actionItems(anyLong());
        doReturn(List.of(DemoUsers.COMMUNE_A)).when(selfCriticism).unitsOf(anyLong());
    }

    @Test
    void noTaskOfAnyProcessTakesAVariableOutsideItsFormOrAForgedIdentity() {
        List<String> swept = new ArrayList<>();
        int userTasks = 0;
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            Set<String> identifying = identifyingOf(model);
            for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
                userTasks++;
                ProcessInstance instance;
                try {
                    instance = runtimeService.createProcessInstanceById(definition.getId())
                            .businessKey("SWEEP-" + userTask.getId()).startBeforeActivity(userTask.getId())
                            .setVariables(baseVariables()).execute(true, true);
                } catch (RuntimeException e) {
                    throw new AssertionError("cannot put an instance at " + definition.getKey() + "/" + userTask.getId(), e);
                }
                Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
                        .taskDefinitionKey(userTask.getId()).list().get(0);
                Map<String, Object> before = runtimeService.getVariables(instance.getId());
                String where = definition.getKey() + "/" + userTask.getId();

                assertRefused(where, task, Map.of("qcdcNotInAnyForm", "x"));
                for (String name : identifying) {
                    Map<String, Object> forged = new HashMap<>();
                    forged.put(name, forgedValue(before.get(name)));
                    assertRefused(where + " forging " + name, task, forged);
                }
                assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(where).isEqualTo(1);
                assertThat(runtimeService.getVariables(instance.getId())).as(where).isEqualTo(before);
                runtimeService.deleteProcessInstance(instance.getId(), "sweep", true, true);
                swept.add(where);
            }
        }
        assertThat(swept).hasSize(userTasks).hasSizeGreaterThan(40);
    }

    private void assertRefused(String where, Task task, Map<String, Object> variables) {
        identityService.setAuthentication("quantri", List.of(Role.ADMIN.groupId(), "camunda-admin"));
        try {
            assertThatThrownBy(() -> taskService.complete(task.getId(), variables)).as(where)
                    .isInstanceOf(EngineRefusal.class);
            assertThatThrownBy(() -> taskService.complete(task.getId(), variables)).as(where)
                    .satisfies(e -> assertThat(((EngineRefusal) e).messageKey())
                            .isIn("engine.refused.not-in-form", "engine.refused.unchangeable"));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Set<String> identifyingOf(BpmnModelInstance model) {
        Set<String> names = new TreeSet<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getExtensionElements() == null) {
                continue;
            }
            for (CamundaProperty p : process.getExtensionElements().getElementsQuery()
                    .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
                    .getCamundaProperties()) {
                if (TaskInputs.IDENTIFYING.equals(p.getCamundaName())) {
                    for (String name : p.getCamundaValue().split(",")) {
                        names.add(name.trim());
                    }
                }
            }
        }
        return names;
    }

    private static Map<String, Object> baseVariables() {
        Date inTenDays = IN_TEN_DAYS;
        Map<String, Object> v = new HashMap<>();
        Date now = new Date();
        v.put("unitCode", DemoUsers.COMMUNE_A);
        v.put("unitName", "Phường I");
        v.put("provinceCode", "hg");
        v.put("steeringUnit", "hg");
        v.put("lateUnit", DemoUsers.COMMUNE_A);
        v.put("caseId", 999_999L);
        v.put("caseCode", "SWEEP");
        v.put("kind", "PETITION");
        v.put("kindLabel", "Kiến nghị");
        v.put("round", 1);
        v.put("title", "Quét");
        v.put("content", "Quét mọi công việc");
        v.put("receivedAt", now);
        v.put("acceptedAt", now);
        v.put("signedAt", now);
        v.put("requestedAt", now);
        v.put("reportedAt", now);
        v.put("resolverUnitCode", DemoUsers.COMMUNE_A);
        v.put("plannedAt", inTenDays);
        v.put("resolveDue", inTenDays);
        v.put("sendDue", inTenDays);
        v.put("handleDue", inTenDays);
        v.put("deadlineAt", inTenDays);
        v.put("routingClassifyRule", "petition.respond");
        v.put("routingUnitLevel", "SAME");
        v.put("routingProcessKey", "petition");
        v.put("routingNeedsClassification", true);
        v.put("multiSite", false);
        v.put("extensions", 0);
        v.put("planId", 999L);
        v.put("planUnitId", 999L);
        v.put("remediationId", 999L);
        v.put("sessionId", 999L);
        v.put("roundId", 999L);
        v.put("actionItemId", 999L);
        v.put("reviewId", 999L);
        v.put("dialogueId", 999L);
        v.put("officialUserId", "truong.p1");
        v.put("receptionOfficer", "tiepdan.p1");
        v.put("unitHead", "truong.p1");
        v.put("draftedBy", "thuky.hg");
        v.put("openedBy", "thuky.hg");
        v.put("openedCodes", "PA-2026-SWEEP");
        v.put("unitsBehind", DemoUsers.COMMUNE_A);
        v.put("year", 2026);
        v.put("period", "ANNUAL");
        return v;
    }

    private static Object forgedValue(Object current) {
        if (current instanceof Long l) {
            return l + 1000;
        }
        if (current instanceof Integer i) {
            return i + 1000;
        }
        if (current instanceof Date d) {
            return new Date(d.getTime() + 86_400_000L);
        }
        return current == null ? "forged" : current + "-forged";
    }
}
