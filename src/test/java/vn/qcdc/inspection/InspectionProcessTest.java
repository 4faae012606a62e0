package vn.qcdc.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.DemoUsers;
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
        assertThat(store.plan(planId).orElseThrow().status()).isEqualTo("RETURNED");
        Task revise = task(plan, "revise-plan");
        assertThat(groups(revise)).containsExactly("hg:steering-secretary");
        assertThatThrownBy(() -> taskService.complete(revise.getId(), vars("targets", "2, 3, 4, 8, 10")))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("\"10\""));
        complete(revise, "targets", "2, 3, 4, 8");
        assertThat(store.scope(planId)).containsExactly(2, 3, 4, 8);
        identityService.setAuthentication("truongbcd.hg", List.of("hg:steering-head", "steering-head"));
        complete(task(plan, "approve-plan"), "decision", "APPROVE", "headComment", "Đồng ý");
        identityService.clearAuthentication();
        assertThat(store.plan(planId).orElseThrow().status()).isEqualTo("APPROVED");

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
        assertThatThrownBy(() -> taskService.complete(selfReport.getId(), vars("selfReport", "2 | Không có mất dân chủ")))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("3, 4, 8"));
        complete(selfReport, "selfReport", "2 | Không có mất dân chủ | Biên bản\n3 | Có tổ QCDC | Quyết định 12\n"
                + "4 | Đã công khai\n8 | Hai buổi đối thoại");
        assertThat(store.selfReports(planUnitId)).hasSize(4);

        // the team's checklist: every target in scope needs a verdict
        Task checklist = task(unit, "inspect-checklist");
        assertThat(users(checklist)).containsExactlyInAnyOrder("kiemtra.hg", "kiemtra2.hg");
        assertThatThrownBy(() -> taskService.complete(checklist.getId(), vars("checklist",
                "2 | MET\n3 | | thiếu\n4 | PARTLY_MET\n8 | NOT_MET")))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Chỉ tiêu 3 chưa có kết luận"));
        assertThatThrownBy(() -> taskService.complete(checklist.getId(), vars("checklist", "2 | MET\n3 | đạt")))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("4, 8"));
        assertThat(store.checklist(planUnitId)).isEmpty();
        complete(checklist, "checklist", "2 | Không đạt | Đơn thư | Có vụ việc\n3 | đạt | QĐ 12\n4 | PARTLY_MET\n8 | NOT_MET | | Một buổi");
        assertThat(store.checklist(planUnitId)).extracting(InspectionStore.ChecklistItem::verdict)
                .containsExactly("NOT_MET", "MET", "PARTLY_MET", "NOT_MET");
        assertThat(findings.verdicts(2019)).as("not signed yet").doesNotContainKey(DemoUsers.COMMUNE_A);

        // the lead drafts, the head returns, the lead redrafts, the head signs
        Task draft = task(unit, "draft-conclusion");
        assertThat(draft.getAssignee()).isEqualTo("kiemtra.hg");
        String recommendations = "Tổ chức đối thoại lần hai | " + day.plusDays(30) + "\nCông khai công trình | " + day.plusDays(20);
        complete(draft, "conclusion", "Đơn vị để xảy ra mất dân chủ", "lossOfDemocracy", true, "recommendations", recommendations);
        Task sign = task(unit, "sign-conclusion");
        assertThat(groups(sign)).containsExactly("hg:steering-head");
        complete(sign, "decision", "RETURN", "headComment", "Nêu rõ trách nhiệm người đứng đầu");
        assertThat(store.conclusion(planUnitId).orElseThrow().status()).isEqualTo("RETURNED");
        complete(task(unit, "draft-conclusion"), "conclusion", "Đơn vị để xảy ra mất dân chủ; Chủ tịch chịu trách nhiệm",
                "lossOfDemocracy", true, "recommendations", recommendations);
        identityService.setAuthentication("truongbcd.hg", List.of("hg:steering-head", "steering-head"));
        complete(task(unit, "sign-conclusion"), "decision", "SIGN", "headComment", "");
        identityService.clearAuthentication();
        InspectionStore.Conclusion conclusion = store.conclusion(planUnitId).orElseThrow();
        assertThat(conclusion.status()).isEqualTo("SIGNED");
        assertThat(conclusion.signedBy()).isEqualTo("truongbcd.hg");
        assertThat(findings.verdicts(2019).get(DemoUsers.COMMUNE_A)).containsEntry(2, InspectionFindings.Verdict.NOT_MET)
                .containsEntry(3, InspectionFindings.Verdict.MET).hasSize(4);
        assertThat(findings.lossOfDemocracy(2019)).containsExactly(DemoUsers.COMMUNE_A);

        // each recommendation is a remediation item for the unit head; the team verifies or reopens it
        List<InspectionStore.Remediation> items = store.remediations(planUnitId);
        assertThat(items).hasSize(2);
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
        assertThat(store.remediation(items.get(0).id()).status()).isEqualTo("REOPENED");
        complete(task(first, "carry-out-remediation"), "remediationResult", "Đã tổ chức đối thoại ngày 5");
        complete(task(first, "verify-remediation"), "verification", "VERIFIED", "verifyComment", "");
        assertThat(store.remediation(items.get(0).id()).status()).isEqualTo("VERIFIED");
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

    static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), VN);
    }

}
