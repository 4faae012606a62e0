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
 * The inspection's lists in a real Tasklist. The unit's self-report and the team's checklist start with one row per
 * target in the plan's scope: the unit head writes each assessment, the inspector picks each verdict and writes the
 * evidence; nobody types a target or a code. The lead's draft conclusion adds recommendations row by row, each dated.
 */
@QcdcTest
class InspectionChecklistTasklistTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A plan year no other test inspects: what these plans find stays out of the other tests' findings. */
    static final int PLAN_YEAR = 2021;

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
        try (Browser browser = new Browser(port)) {
            TasklistForm form = openTargetRows(browser, "inspect-checklist", planUnitId, "kiemtra.hg");
            verdict(form, 0, "Đạt");
            text(form, 0, 0, "Quyết định thành lập tổ QCDC số 12");
            verdict(form, 1, "Đạt một phần");
            text(form, 1, 0, "Biên bản đối thoại ngày 15/6");
            text(form, 1, 1, "Mới tổ chức một buổi");
            form.shot("checklist-form-filled");
            form.complete(taskService);
        }
        assertThat(store.checklist(planUnitId)).extracting(InspectionStore.ChecklistItem::target,
                InspectionStore.ChecklistItem::verdict, InspectionStore.ChecklistItem::evidence,
                InspectionStore.ChecklistItem::remark)
                .containsExactly(tuple(3, "MET", "Quyết định thành lập tổ QCDC số 12", null),
                        tuple(8, "PARTLY_MET", "Biên bản đối thoại ngày 15/6", "Mới tổ chức một buổi"));
    }

    @Test
    void theUnitHeadWritesTheSelfReportInThePrefilledTargetRowsInTasklist() throws Exception {
        long planUnitId = planUnitAtSelfReport();
        try (Browser browser = new Browser(port)) {
            TasklistForm form = openTargetRows(browser, "self-report", planUnitId, "truong.p1");
            selfAssessment(form, 0, "Đã thành lập tổ QCDC, họp định kỳ hằng quý", "Quyết định số 12/QĐ-UBND");
            selfAssessment(form, 1, "Tổ chức một buổi đối thoại với nhân dân", "Biên bản ngày 15/6");
            form.shot("self-report-form-filled");
            form.complete(taskService);
        }
        assertThat(store.selfReports(planUnitId)).extracting(InspectionStore.SelfReport::target,
                InspectionStore.SelfReport::text, InspectionStore.SelfReport::evidence)
                .containsExactly(tuple(3, "Đã thành lập tổ QCDC, họp định kỳ hằng quý", "Quyết định số 12/QĐ-UBND"),
                        tuple(8, "Tổ chức một buổi đối thoại với nhân dân", "Biên bản ngày 15/6"));
        assertThat(task("inspect-checklist", planUnitId)).isNotNull();
    }

    @Test
    void theLeadDraftsTheConclusionWithTwoDatedRecommendationsInTasklist() throws Exception {
        long planUnitId = planUnitAtDraftConclusion();
        Task draft = task("draft-conclusion", planUnitId);
        assertThat(draft.getAssignee()).isEqualTo("kiemtra.hg");
        LocalDate today = LocalDate.now(VN);

        try (Browser browser = new Browser(port)) {
            TasklistForm form = new TasklistForm(browser).openAs("kiemtra.hg", draft.getId());
            form.type(browser.driver.findElement(By.cssSelector(".fjs-form-field-textarea textarea")),
                    "Đơn vị thực hiện cơ bản đúng quy chế");
            form.click(browser.driver.findElement(By.cssSelector(".fjs-form-field-checkbox input")));
            form.wait.until(d -> form.rows("Kiến nghị").size() == 1);
            recommendation(form, form.rows("Kiến nghị").get(0), "Tổ chức đủ hai buổi đối thoại", today.plusDays(30));
            recommendation(form, form.addRow("Kiến nghị"), "Công khai biên bản đối thoại", today.plusDays(45));
            form.shot("conclusion-form-filled");
            form.complete(taskService);
        }
        assertThat(store.conclusion(planUnitId)).hasValueSatisfying(c -> {
            assertThat(c.text()).isEqualTo("Đơn vị thực hiện cơ bản đúng quy chế");
            assertThat(c.lossOfDemocracy()).isTrue();
        });
        taskService.complete(task("sign-conclusion", planUnitId).getId(), Map.of("decision", "SIGN"));
        assertThat(store.remediations(planUnitId)).extracting(InspectionStore.Remediation::recommendation,
                InspectionStore.Remediation::due).containsExactly(
                        tuple("Tổ chức đủ hai buổi đối thoại", today.plusDays(30)),
                        tuple("Công khai biên bản đối thoại", today.plusDays(45)));
    }

    /** An approved plan for one commune, targets 3 and 8: the unit's self-report task is open. */
    private long planUnitAtSelfReport() {
        LocalDate day = LocalDate.now(VN).plusDays(10);
        identityService.setAuthentication("thuky.hg", List.of("hg:steering-secretary", "steering-secretary"));
        String plan = runtimeService.startProcessInstanceByKey("inspection-plan", Map.of("year", PLAN_YEAR,
                "units", DemoUsers.COMMUNE_A, "inspectionDate", day.toString(), "team", "kiemtra.hg",
                "lead", "kiemtra.hg", "targets", "8, 3")).getId();
        // the secretary drafts the plan; the rest is driven by the engine without a user (authorizations apply to users)
        identityService.clearAuthentication();
        long planId = ((Number) runtimeService.getVariable(plan, "planId")).longValue();
        taskService.complete(taskService.createTaskQuery().processInstanceId(plan).taskDefinitionKey("approve-plan")
                .singleResult().getId(), Map.of("decision", "APPROVE", "headComment", "Đồng ý"));
        return store.planUnitOf(planId, DemoUsers.COMMUNE_A);
    }

    /** As {@link #planUnitAtSelfReport()}, the self-report in: the checklist task is open. */
    private long planUnitAtChecklist() {
        long planUnitId = planUnitAtSelfReport();
        taskService.complete(task("self-report", planUnitId).getId(), Map.of("selfReport", FormLists.json(FormLists.rows(
                List.of("target", "text", "evidence"), "3", "Có tổ QCDC", "Quyết định 12", "8", "Một buổi đối thoại", ""))));
        return planUnitId;
    }

    /** As {@link #planUnitAtChecklist()}, the checklist done: the lead's draft conclusion is open. */
    private long planUnitAtDraftConclusion() {
        long planUnitId = planUnitAtChecklist();
        taskService.complete(task("inspect-checklist", planUnitId).getId(), Map.of("checklist", FormLists.json(
                FormLists.rows(List.of("target", "verdict", "evidence"), "3", "MET", "Quyết định 12", "8", "PARTLY_MET", ""))));
        return planUnitId;
    }

    private Task task(String key, long planUnitId) {
        return taskService.createTaskQuery().processDefinitionKey("inspection-unit").taskDefinitionKey(key)
                .processVariableValueEquals("planUnitId", planUnitId).singleResult();
    }

    /** Assigns the unit's task to the user and opens its form, once its list shows one row per target (3 and 8). */
    private TasklistForm openTargetRows(Browser browser, String key, long planUnitId, String user) throws Exception {
        Task task = task(key, planUnitId);
        taskService.setAssignee(task.getId(), user);
        TasklistForm form = new TasklistForm(browser).openAs(user, task.getId());
        form.wait.until(d -> form.rows().size() == 2);
        assertThat(form.rows().get(0).getText()).contains("Chỉ tiêu 3");
        assertThat(form.rows().get(1).getText()).contains("Chỉ tiêu 8");
        return form;
    }

    /** A self-report row: its text area, then its evidence. */
    private static void selfAssessment(TasklistForm form, int row, String text, String evidence) {
        form.type(form.rows().get(row).findElement(By.cssSelector(".fjs-form-field-textarea textarea")), text);
        form.type(form.rows().get(row).findElement(By.cssSelector(".fjs-form-field-textfield input")), evidence);
    }

    private static void recommendation(TasklistForm form, WebElement row, String text, LocalDate due) {
        form.type(row.findElement(By.cssSelector(".fjs-form-field-textfield input")), text);
        form.typeDate(row.findElement(By.cssSelector(".fjs-form-field-datetime input")), due);
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
