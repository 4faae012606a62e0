package vn.qcdc.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FormLists;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.TasklistForm;

/**
 * The team's checklist in a real Tasklist: the form-js dynamic list starts with one row per target in the plan's
 * scope, the inspector picks each verdict from a select and writes the evidence; nobody types a target or a code.
 */
@QcdcTest
class InspectionChecklistTasklistTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    InspectionStore store;

    @AfterEach
    void clearAuthentication() {
        identityService.clearAuthentication();
    }

    @Test
    void theInspectorGivesVerdictsAndEvidenceInTheNineTargetTableInTasklist() throws Exception {
        long planUnitId = planUnitAtChecklist();
        Task checklist = taskService.createTaskQuery().processDefinitionKey("inspection-unit")
                .taskDefinitionKey("inspect-checklist").processVariableValueEquals("planUnitId", planUnitId).singleResult();
        taskService.setAssignee(checklist.getId(), "kiemtra.hg");

        try (Browser browser = new Browser(port)) {
            browser.signIn("kiemtra.hg", DemoUsers.PASSWORD);
            TasklistForm form = new TasklistForm(browser).open(checklist.getId());
            // prefilled: one row per target in scope, each showing its target
            form.wait.until(d -> form.rows().size() == 2);
            assertThat(form.rows().get(0).getText()).contains("Chỉ tiêu 3");
            assertThat(form.rows().get(1).getText()).contains("Chỉ tiêu 8");
            verdict(form, 0, "Đạt");
            text(form, 0, 0, "Quyết định thành lập tổ QCDC số 12");
            verdict(form, 1, "Đạt một phần");
            text(form, 1, 0, "Biên bản đối thoại ngày 15/6");
            text(form, 1, 1, "Mới tổ chức một buổi");
            form.shot("checklist-form-filled");
            form.complete();
            try {
                form.wait.until(d -> taskService.createTaskQuery().taskId(checklist.getId()).count() == 0);
            } catch (RuntimeException e) {
                form.shot("checklist-form-not-completed");
                throw e;
            }
        }
        assertThat(store.checklist(planUnitId)).extracting(InspectionStore.ChecklistItem::target,
                InspectionStore.ChecklistItem::verdict, InspectionStore.ChecklistItem::evidence,
                InspectionStore.ChecklistItem::remark)
                .containsExactly(tuple(3, "MET", "Quyết định thành lập tổ QCDC số 12", null),
                        tuple(8, "PARTLY_MET", "Biên bản đối thoại ngày 15/6", "Mới tổ chức một buổi"));
    }

    /** An approved plan for one commune, targets 3 and 8, its self-report in: the checklist task is open. */
    private long planUnitAtChecklist() {
        LocalDate day = LocalDate.now(VN).plusDays(10);
        identityService.setAuthentication("thuky.hg", List.of("hg:steering-secretary", "steering-secretary"));
        String plan = runtimeService.startProcessInstanceByKey("inspection-plan", Map.of("year", day.getYear(),
                "units", DemoUsers.COMMUNE_A, "inspectionDate", day.toString(), "team", "kiemtra.hg",
                "lead", "kiemtra.hg", "targets", "8, 3")).getId();
        // the secretary drafts the plan; the rest is driven by the engine without a user (authorizations apply to users)
        identityService.clearAuthentication();
        long planId = ((Number) runtimeService.getVariable(plan, "planId")).longValue();
        taskService.complete(taskService.createTaskQuery().processInstanceId(plan).taskDefinitionKey("approve-plan")
                .singleResult().getId(), Map.of("decision", "APPROVE", "headComment", "Đồng ý"));
        long planUnitId = store.planUnitOf(planId, DemoUsers.COMMUNE_A);
        Task selfReport = taskService.createTaskQuery().processDefinitionKey("inspection-unit").taskDefinitionKey("self-report")
                .processVariableValueEquals("planUnitId", planUnitId).singleResult();
        taskService.complete(selfReport.getId(), Map.of("selfReport", FormLists.json(FormLists.rows(
                List.of("target", "text", "evidence"), "3", "Có tổ QCDC", "Quyết định 12", "8", "Một buổi đối thoại", ""))));
        return planUnitId;
    }

    /** The verdict select is the second select of a row (the first is the prefilled target). */
    private static void verdict(TasklistForm form, int row, String label) {
        WebElement select = form.rows().get(row).findElements(By.cssSelector(".fjs-form-field-select")).get(1);
        form.pick(select, label);
        form.wait.until(d -> select.getText().contains(label) || select.findElements(By.cssSelector("input")).stream()
                .anyMatch(i -> label.equals(i.getAttribute("value"))));
    }

    /** The n-th text field of a row (evidence, then remark). */
    private static void text(TasklistForm form, int row, int field, String text) {
        form.type(form.rows().get(row).findElements(By.cssSelector(".fjs-form-field-textfield input")).get(field), text);
    }
}
