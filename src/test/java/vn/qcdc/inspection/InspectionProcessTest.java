package vn.qcdc.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.platform.FormRows;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FormLists;
import vn.qcdc.support.ProcessSteps;
import vn.qcdc.support.ProcessTest;

/** Every path of inspection-plan, inspection-unit and inspection-remediation with the real engine, rules and clock. */
@ProcessTest
class InspectionProcessTest implements ProcessSteps {

    @Autowired
    ProcessEngine processEngine;

    @Override
    public ProcessEngine engine() {
        return processEngine;
    }

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    InspectionStore store;
    @Autowired
    InspectionFindings findings;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void aPlanIsReturnedApprovedAndAUnitInspectedConcludedAndRemediated() {
        LocalDate day = today().plusDays(10);
        ProcessInstance plan = startPlan(2019, DemoUsers.COMMUNE_A, day, "kiemtra.hg, kiemtra2.hg", "kiemtra.hg", "3, 8, 2");
        long planId = planId(plan);
        assertThat(store.plan(planId).orElseThrow().steeringUnit()).isEqualTo("hg");
        assertThat(store.plan(planId).orElseThrow().draftedBy()).isEqualTo("thuky.hg");

        // the head returns the plan with a comment (a return without one is refused), the secretary revises it
        Task approve = task(plan, "approve-plan");
        assertThat(groups(approve)).containsExactly("hg:steering-head");
        assertThatThrownBy(() -> taskService.complete(approve.getId(), vars("decision", "RETURN", "headComment", "")))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("phải ghi ý kiến"));
        complete(approve, "decision", "RETURN", "headComment", "Bổ sung chỉ tiêu 4");
        assertThat(store.plan(planId).orElseThrow().status()).isEqualTo(InspectionStore.Plan.Status.RETURNED);
        Task revise = task(plan, "revise-plan");
        assertThat(groups(revise)).containsExactly("hg:steering-secretary");
        assertThatThrownBy(() -> taskService.complete(revise.getId(), vars("targets", "2, 3, 4, 8, 10")))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("\"10\""));
        complete(revise, "targets", "2, 3, 4, 8");
        assertThat(store.scope(planId)).containsExactly(2, 3, 4, 8);
        identityService.setAuthentication("truongbcd.hg", List.of("hg:steering-head", "steering-head"));
        complete(task(plan, "approve-plan"), "decision", "APPROVE", "headComment", "Đồng ý");
        identityService.clearAuthentication();
        assertThat(store.plan(planId).orElseThrow().status()).isEqualTo(InspectionStore.Plan.Status.APPROVED);

        // the unit is notified at least the rule's 7 days ahead
        ProcessInstance unit = unit(planId, DemoUsers.COMMUNE_A);
        long planUnitId = store.planUnitOf(planId, DemoUsers.COMMUNE_A);
        InspectionStore.PlanUnit pu = store.planUnit(planUnitId).orElseThrow();
        assertThat(pu.notifiedAt()).isNotNull();
        assertThat(pu.inspectionDate()).isEqualTo(day);

        // the self-report is due at the start of the inspection day; missing it alerts the unit's supervisors
        Task selfReport = task(unit, "self-report");
        assertThat(groups(selfReport)).containsExactly(DemoUsers.COMMUNE_A + ":unit-head");
        assertThat(selfReport.getDueDate()).isEqualTo(Date.from(day.atStartOfDay(VN).toInstant()));
        ClockUtil.setCurrentTime(Date.from(day.atTime(8, 0).atZone(VN).toInstant()));
        fireTimer(unit, "self-report-overdue");
        Task followUp = task(unit, "follow-up-overdue");
        assertThat(groups(followUp)).containsExactly(DemoUsers.COMMUNE_A + ":supervisor");
        complete(followUp, "followUpNote", "Đã nhắc đơn vị");
        // the list starts with one row per target in scope, the targets to pick from are those of the scope
        assertThat(FormRows.of(taskService.getVariable(selfReport.getId(), "selfReport"), "selfReport"))
                .extracting(r -> r.get("target")).containsExactly("2", "3", "4", "8");
        assertThat(FormRows.of(taskService.getVariableLocal(selfReport.getId(), "targetChoices"), "targetChoices"))
                .extracting(r -> r.get("value")).containsExactly("2", "3", "4", "8");
        assertThat(FormRows.of(taskService.getVariableLocal(selfReport.getId(), "targetChoices"), "targetChoices").get(0))
                .containsEntry("label", "Chỉ tiêu 2: Không để xảy ra mất dân chủ trong đơn vị");
        assertThatThrownBy(() -> taskService.complete(selfReport.getId(), vars("selfReport",
                selfReport("2", "Không có mất dân chủ", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("3, 4, 8"));
        assertThatThrownBy(() -> taskService.complete(selfReport.getId(), vars("selfReport",
                selfReport("2", "Không có mất dân chủ", "", "3", "", "Quyết định 12", "4", "Đã công khai", "",
                        "8", "Hai buổi", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Chỉ tiêu 3 chưa có nội dung"));
        assertThatThrownBy(() -> taskService.complete(selfReport.getId(), vars("selfReport",
                selfReport("2", "Không có mất dân chủ", "", "2", "Lần nữa", "", "3", "Có tổ", "", "4", "Đã công khai", "",
                        "8", "Hai buổi", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Chỉ tiêu 2 được ghi hai lần"));
        assertThatThrownBy(() -> taskService.complete(selfReport.getId(), vars("selfReport",
                selfReport("5", "Đã công khai tài chính", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Chỉ tiêu 5 không thuộc phạm vi"));
        assertThatThrownBy(() -> taskService.complete(selfReport.getId(), vars("selfReport",
                selfReport("12", "Không có", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Không có chỉ tiêu \"12\""));
        assertThatThrownBy(() -> taskService.complete(selfReport.getId(), vars("selfReport", "2 | Không có mất dân chủ")))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("không đúng dạng"));
        assertThat(store.selfReports(planUnitId)).isEmpty();
        complete(selfReport, "selfReport", selfReport("2", "Không có mất dân chủ", "Biên bản", "3", "Có tổ QCDC", "Quyết định 12",
                "4", "Đã công khai", "", "8", "Hai buổi đối thoại", ""));
        assertThat(store.selfReports(planUnitId)).hasSize(4);
        assertThat(store.selfReports(planUnitId)).filteredOn(r -> r.target() == 3).singleElement()
                .extracting(InspectionStore.SelfReport::text, InspectionStore.SelfReport::evidence)
                .containsExactly("Có tổ QCDC", "Quyết định 12");

        // the team's checklist: every target in scope needs a verdict
        Task checklist = task(unit, "inspect-checklist");
        assertThat(users(checklist)).containsExactlyInAnyOrder("kiemtra.hg", "kiemtra2.hg");
        assertThat(FormRows.of(taskService.getVariable(checklist.getId(), "checklist"), "checklist"))
                .extracting(r -> r.get("target")).containsExactly("2", "3", "4", "8");
        assertThatThrownBy(() -> taskService.complete(checklist.getId(), vars("checklist",
                checklist("2", "MET", "", "", "3", "", "thiếu", "", "4", "PARTLY_MET", "", "", "8", "NOT_MET", "", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Chỉ tiêu 3 chưa có kết luận"));
        assertThatThrownBy(() -> taskService.complete(checklist.getId(), vars("checklist",
                checklist("2", "MET", "", "", "3", "MET", "", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("4, 8"));
        assertThatThrownBy(() -> taskService.complete(checklist.getId(), vars("checklist",
                checklist("2", "MET", "", "", "3", "đạt", "", "", "4", "MET", "", "", "8", "MET", "", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Kết luận \"đạt\" của chỉ tiêu 3"));
        assertThatThrownBy(() -> taskService.complete(checklist.getId(), vars("checklist",
                checklist("2", "MET", "", "", "8", "MET", "", "", "3", "MET", "", "", "4", "MET", "", "", "8", "NOT_MET", "", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Chỉ tiêu 8 được ghi hai lần"));
        assertThatThrownBy(() -> taskService.complete(checklist.getId(), vars("checklist",
                checklist("", "MET", "Chứng cứ", "", "2", "MET", "", "", "3", "MET", "", "", "4", "MET", "", "", "8", "MET", "", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("phải chọn một chỉ tiêu"));
        assertThat(store.checklist(planUnitId)).isEmpty();
        complete(checklist, "checklist", checklist("2", "NOT_MET", "Đơn thư", "Có vụ việc", "3", "MET", "QĐ 12", "",
                "4", "PARTLY_MET", "", "", "8", "NOT_MET", "", "Một buổi"));
        assertThat(store.checklist(planUnitId)).extracting(InspectionStore.ChecklistItem::verdict)
                .containsExactly("NOT_MET", "MET", "PARTLY_MET", "NOT_MET");
        assertThat(store.checklist(planUnitId)).filteredOn(c -> c.target() == 2).singleElement()
                .extracting(InspectionStore.ChecklistItem::evidence, InspectionStore.ChecklistItem::remark)
                .containsExactly("Đơn thư", "Có vụ việc");
        assertThat(findings.verdicts(2019)).as("not signed yet").doesNotContainKey(DemoUsers.COMMUNE_A);

        // the lead drafts, the head returns, the lead redrafts, the head signs
        Task draft = task(unit, "draft-conclusion");
        assertThat(draft.getAssignee()).isEqualTo("kiemtra.hg");
        assertThatThrownBy(() -> taskService.complete(draft.getId(), vars("conclusion", "Kết luận", "lossOfDemocracy", true,
                "recommendations", recommendations("Tổ chức đối thoại", today().toString()))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("phải sau hôm nay"));
        assertThatThrownBy(() -> taskService.complete(draft.getId(), vars("conclusion", "Kết luận", "lossOfDemocracy", true,
                "recommendations", recommendations("Tổ chức đối thoại", "30/12/2030"))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("\"30/12/2030\""));
        assertThatThrownBy(() -> taskService.complete(draft.getId(), vars("conclusion", "Kết luận", "lossOfDemocracy", true,
                "recommendations", recommendations("Tổ chức đối thoại", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("chưa có hạn khắc phục"));
        assertThatThrownBy(() -> taskService.complete(draft.getId(), vars("conclusion", "Kết luận", "lossOfDemocracy", true,
                "recommendations", recommendations("", day.plusDays(30).toString()))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("chưa có nội dung"));
        assertThat(store.conclusion(planUnitId)).isEmpty();
        JsonValue recommendations = recommendations("Tổ chức đối thoại lần hai", day.plusDays(30).toString(),
                "Công khai công trình", day.plusDays(20).toString(), "", "");
        complete(draft, "conclusion", "Đơn vị để xảy ra mất dân chủ", "lossOfDemocracy", true, "recommendations", recommendations);
        Task sign = task(unit, "sign-conclusion");
        assertThat(groups(sign)).containsExactly("hg:steering-head");
        complete(sign, "decision", "RETURN", "headComment", "Nêu rõ trách nhiệm người đứng đầu");
        assertThat(store.conclusion(planUnitId).orElseThrow().status()).isEqualTo(InspectionStore.Conclusion.Status.RETURNED);
        complete(task(unit, "draft-conclusion"), "conclusion", "Đơn vị để xảy ra mất dân chủ; Chủ tịch chịu trách nhiệm",
                "lossOfDemocracy", true, "recommendations", recommendations);
        identityService.setAuthentication("truongbcd.hg", List.of("hg:steering-head", "steering-head"));
        complete(task(unit, "sign-conclusion"), "decision", "SIGN", "headComment", "");
        identityService.clearAuthentication();
        InspectionStore.Conclusion conclusion = store.conclusion(planUnitId).orElseThrow();
        assertThat(conclusion.status()).isEqualTo(InspectionStore.Conclusion.Status.SIGNED);
        assertThat(conclusion.signedBy()).isEqualTo("truongbcd.hg");
        assertThat(findings.verdicts(2019).get(DemoUsers.COMMUNE_A)).containsEntry(2, InspectionFindings.Verdict.NOT_MET)
                .containsEntry(3, InspectionFindings.Verdict.MET).hasSize(4);
        assertThat(findings.lossOfDemocracy(2019)).containsExactly(DemoUsers.COMMUNE_A);

        // each recommendation is a remediation item for the unit head; the team verifies or reopens it
        List<InspectionStore.Remediation> items = store.remediations(planUnitId);
        assertThat(items).extracting(InspectionStore.Remediation::recommendation, InspectionStore.Remediation::due)
                .containsExactly(tuple("Tổ chức đối thoại lần hai", day.plusDays(30)), tuple("Công khai công trình", day.plusDays(20)));
        ProcessInstance first = remediation(items.get(0).id());
        ProcessInstance second = remediation(items.get(1).id());
        Task carry = task(first, "carry-out-remediation");
        assertThat(groups(carry)).containsExactly(DemoUsers.COMMUNE_A + ":unit-head");
        assertThat(carry.getDueDate()).isEqualTo(Date.from(day.plusDays(30).atTime(23, 59, 59).atZone(VN).toInstant()));
        complete(carry, "remediationResult", "Đã lên lịch đối thoại");
        Task verify = task(first, "verify-remediation");
        assertThat(users(verify)).containsExactlyInAnyOrder("kiemtra.hg", "kiemtra2.hg");
        assertThatThrownBy(() -> taskService.complete(verify.getId(), vars("verification", "REOPENED", "verifyComment", "")))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("lý do"));
        complete(verify, "verification", "REOPENED", "verifyComment", "Chưa tổ chức");
        assertThat(store.remediation(items.get(0).id()).status()).isEqualTo(InspectionStore.Remediation.Status.REOPENED);
        complete(task(first, "carry-out-remediation"), "remediationResult", "Đã tổ chức đối thoại ngày 5");
        complete(task(first, "verify-remediation"), "verification", "VERIFIED", "verifyComment", "");
        assertThat(store.remediation(items.get(0).id()).status()).isEqualTo(InspectionStore.Remediation.Status.VERIFIED);
        assertThat(running(first)).isFalse();

        // a missed remediation deadline alerts the unit's supervisors; the item stays open
        ClockUtil.setCurrentTime(Date.from(day.plusDays(21).atTime(9, 0).atZone(VN).toInstant()));
        fireTimer(second, "carry-out-remediation-overdue");
        Task late = task(second, "follow-up-overdue");
        assertThat(groups(late)).containsExactly(DemoUsers.COMMUNE_A + ":supervisor");
        complete(late, "followUpNote", "Đã nhắc");
        complete(task(second, "carry-out-remediation"), "remediationResult", "Đã niêm yết");
        complete(task(second, "verify-remediation"), "verification", "VERIFIED");
        assertThat(running(second)).isFalse();
        assertThat(running(unit)).isFalse();
        assertThat(running(plan)).isFalse();
    }

    @Test
    void aBadPlanIsRefusedInVietnameseAndCreatesNothing() {
        long plans = jdbc.queryForObject("select count(*) from inspection_plan", Long.class);
        long instances = runtimeService.createProcessInstanceQuery().count();
        LocalDate day = today().plusDays(10);
        assertThatThrownBy(() -> startPlan(2020, "", day, "kiemtra.hg", "kiemtra.hg", ""))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("ít nhất một đơn vị"));
        assertThatThrownBy(() -> startPlan(2020, "no-such-unit, " + DemoUsers.COMMUNE_A, day, "kiemtra.hg", "kiemtra.hg", ""))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("no-such-unit"));
        assertThatThrownBy(() -> startPlan(2020, DemoUsers.COMMUNE_A, day, "kiemtra.hg, truong.p1", "kiemtra.hg", ""))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("truong.p1"));
        assertThatThrownBy(() -> startPlan(2020, DemoUsers.COMMUNE_A, today().plusDays(3), "kiemtra.hg", "kiemtra.hg", ""))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("ít nhất 7 ngày"));
        assertThatThrownBy(() -> startPlan(2020, DemoUsers.COMMUNE_A, day, "kiemtra.hg", "kiemtra2.hg", ""))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Trưởng đoàn"));
        // a commune's secretary cannot plan an inspection of another commune, whatever the form is sent with
        identityService.setAuthentication("thuky.p1", List.of(DemoUsers.COMMUNE_A + ":steering-secretary",
                "steering-secretary"));
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("inspection-plan", vars("year", 2020,
                    "units", DemoUsers.COMMUNE_B, "inspectionDate", day.toString(), "team", "kiemtra.hg", "lead",
                    "kiemtra.hg", "targets", ""))).isInstanceOf(ProcessEngineException.class)
                    .satisfies(vn.qcdc.support.Refusals.saying("Chỉ Tổ Thư ký Ban Chỉ đạo của đơn vị cấp trên"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(jdbc.queryForObject("select count(*) from inspection_plan", Long.class)).isEqualTo(plans);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);

        ProcessInstance plan = startPlan(2020, DemoUsers.COMMUNE_B, day, "kiemtra2.hg", "", "");
        assertThat(store.scope(planId(plan))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(store.lead(planId(plan))).isEqualTo("kiemtra2.hg");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    ProcessInstance startPlan(int year, String units, LocalDate date, String team, String lead, String targets) {
        identityService.setAuthentication("thuky.hg", List.of("hg:steering-secretary", "steering-secretary"));
        try {
            return runtimeService.startProcessInstanceByKey("inspection-plan", vars("year", year, "units", units,
                    "inspectionDate", date.toString(), "team", team, "lead", lead, "targets", targets));
        } finally {
            identityService.clearAuthentication();
        }
    }

    long planId(ProcessInstance plan) {
        return ((Number) runtimeService.getVariable(plan.getId(), "planId")).longValue();
    }

    ProcessInstance unit(long planId, String unitCode) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("inspection-unit")
                .variableValueEquals("planId", planId).variableValueEquals("unitCode", unitCode).singleResult();
    }

    ProcessInstance remediation(long id) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("inspection-remediation")
                .variableValueEquals("remediationId", id).singleResult();
    }






    List<String> users(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getUserId() != null && "candidate".equals(l.getType())).map(IdentityLink::getUserId).toList();
    }

    /** The self-report list's rows: target, assessment, evidence, … */
    static JsonValue selfReport(String... values) {
        return FormLists.json(FormLists.rows(List.of("target", "text", "evidence"), values));
    }

    /** The checklist's rows: target, verdict, evidence, remark, … */
    static JsonValue checklist(String... values) {
        return FormLists.json(FormLists.rows(List.of("target", "verdict", "evidence", "remark"), values));
    }

    /** The draft conclusion's recommendations: text, due date, … */
    static JsonValue recommendations(String... values) {
        return FormLists.json(FormLists.rows(List.of("text", "due"), values));
    }

    static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), VN);
    }

}
