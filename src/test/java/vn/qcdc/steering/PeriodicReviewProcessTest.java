package vn.qcdc.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.FormLists;
import vn.qcdc.support.ProcessSteps;
import vn.qcdc.support.ProcessTest;
import vn.qcdc.platform.Refusal;

/** Every path of periodic-review.bpmn with the real engine, rules and clock. */
@ProcessTest
class PeriodicReviewProcessTest implements ProcessSteps {

    @Autowired
    ProcessEngine processEngine;

    @Override
    public ProcessEngine engine() {
        return processEngine;
    }

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String DISTRICT = "hg-vithanh";
    static final String P1 = "hg-vithanh-p1";
    static final String CD = "hg-phunghiep-cayduong";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ReviewStore store;
    @Autowired
    ReviewReports reports;
    @Autowired
    ReviewFigures figures;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void anAnnualReviewIsReportedConsolidatedReturnedSignedAndClassified() {
        ProcessInstance pi = start(2019, "ANNUAL", today().plusDays(20), DISTRICT + "," + P1 + "," + CD);
        long id = reviewId(2019, "ANNUAL");
        assertThat(store.reports(id)).extracting(ReviewStore.Report::unitCode, ReviewStore.Report::parentCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CD, "hg"),
                        org.assertj.core.groups.Tuple.tuple(DISTRICT, "hg"), org.assertj.core.groups.Tuple.tuple(P1, DISTRICT));
        List<Task> unitTasks = tasks(pi, "submit-report");
        assertThat(unitTasks).hasSize(3);
        assertThat(unitTasks.stream().map(this::groups).flatMap(List::stream))
                .containsExactlyInAnyOrder(DISTRICT + ":steering-secretary", P1 + ":steering-secretary", CD + ":steering-secretary");
        assertThatThrownBy(() -> taskService.complete(unitTasks.get(0).getId()))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("chưa được nộp"));

        submit(id, P1, "thuky.p1", fig(1, "40", "50"), fig(8, "2", "2"));
        submit(id, CD, "thuky.cd", fig(1, "30", "30"), fig(8, "1", "2"));
        submit(id, DISTRICT, "thuky.vt", fig(1, "100", "120"));
        Map<Integer, long[]> province = reports.consolidated(id, "hg");
        assertThat(province.get(1)).containsExactly(170, 200);
        assertThat(province.get(8)).containsExactly(3, 4);
        assertThat(reports.consolidated(id, DISTRICT).get(1)).containsExactly(140, 170);
        assertThat(store.review(id).orElseThrow().status()).isEqualTo(ReviewStore.Review.Status.CONSOLIDATING);
        assertThatThrownBy(() -> submit(id, P1, "thuky.p1", fig(1, "1", "1")))
                .isInstanceOf(Refusal.class).hasMessage("steering.error.closed");

        Task consolidate = task(pi, "consolidate-province");
        assertThat(groups(consolidate)).containsExactly("hg:steering-secretary");
        complete(consolidate, "consolidationNote", "Tổng hợp lần 1");
        Task signOff = task(pi, "sign-off");
        assertThat(groups(signOff)).containsExactly("hg:steering-head");
        assertThatThrownBy(() -> taskService.complete(signOff.getId(), vars("approved", false)))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("ý kiến"));
        complete(signOff, "approved", false, "headComment", "Bổ sung đánh giá chỉ tiêu 8");
        assertThat(store.review(id).orElseThrow().headComment()).isEqualTo("Bổ sung đánh giá chỉ tiêu 8");
        complete(task(pi, "consolidate-province"), "consolidationNote", "Đã bổ sung");
        identityService.setAuthentication("truongbcd.hg", List.of("hg:steering-head", "steering-head"));
        complete(task(pi, "sign-off"), "approved", true, "headComment", "Đồng ý");
        identityService.clearAuthentication();
        assertThat(store.review(id).orElseThrow().status()).isEqualTo(ReviewStore.Review.Status.SIGNED_OFF);
        assertThat(store.review(id).orElseThrow().signedOffBy()).isEqualTo("truongbcd.hg");

        Task propose = task(pi, "propose-classification");
        // the list comes prefilled: one row per party organisation of the review, its QCDC performance beside it
        List<Map<String, String>> prefilled = vn.qcdc.platform.FormRows.of(runtimeService.getVariable(pi.getId(), "proposals"), "");
        assertThat(prefilled).extracting(r -> r.get("unitCode")).containsExactlyInAnyOrder(P1, CD);
        assertThat(prefilled).allSatisfy(r -> assertThat(r.get("grade")).isEmpty());
        assertThat(prefilled).filteredOn(r -> r.get("unitCode").equals(P1)).singleElement()
                .satisfies(r -> assertThat(r.get("qcdcPerformance")).contains("Đạt 1/2"));
        assertThat(vn.qcdc.platform.FormRows.of(taskService.getVariableLocal(propose.getId(), "unitChoices"), ""))
                .extracting(r -> r.get("value")).containsExactlyInAnyOrder(P1, CD);
        // the prefilled rows without grades, a unit that is no party organisation, a unit twice, an unknown grade
        assertThatThrownBy(() -> taskService.complete(propose.getId()))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Chọn mức xếp loại"));
        assertThatThrownBy(() -> taskService.complete(propose.getId(), vars("proposals", proposals(DISTRICT, "GOOD", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("tổ chức cơ sở đảng"));
        assertThatThrownBy(() -> taskService.complete(propose.getId(), vars("proposals", proposals(P1, "GOOD", "", P1, "COMPLETE", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("hai dòng"));
        assertThatThrownBy(() -> taskService.complete(propose.getId(), vars("proposals", proposals(P1, "SUPER", ""))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("mức xếp loại"));
        assertThatThrownBy(() -> taskService.complete(propose.getId(), vars("proposals", "P1 | GOOD")))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("không đúng dạng"));
        assertThatThrownBy(() -> taskService.complete(propose.getId(), vars("proposals", FormLists.json(List.of()))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Chưa có đề xuất"));
        assertThat(store.classifications(2019)).isEmpty();
        complete(propose, "proposals", proposals(P1, "EXCELLENT", "Bằng khen UBND tỉnh", CD, "good", "Giấy khen"));
        assertThat(store.classifications(2019)).extracting(ReviewStore.Classification::unitCode,
                ReviewStore.Classification::proposedGrade, ReviewStore.Classification::rewardProposal).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CD, "GOOD", "Giấy khen"),
                        org.assertj.core.groups.Tuple.tuple(P1, "EXCELLENT", "Bằng khen UBND tỉnh"));
        Task decide = task(pi, "decide-classification");
        // the head reads the proposals as recorded, in a list of the task's own
        assertThat(vn.qcdc.platform.FormRows.of(taskService.getVariableLocal(decide.getId(), "proposals"), ""))
                .extracting(r -> r.get("unitCode"), r -> r.get("grade"), r -> r.get("award")).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(CD, "GOOD", "Giấy khen"),
                        org.assertj.core.groups.Tuple.tuple(P1, "EXCELLENT", "Bằng khen UBND tỉnh"));
        identityService.setAuthentication("truongbcd.hg", List.of("hg:steering-head", "steering-head"));
        assertThatThrownBy(() -> taskService.complete(decide.getId(), vars("decisions", decisions(DISTRICT, "GOOD"))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("tổ chức cơ sở đảng"));
        assertThatThrownBy(() -> taskService.complete(decide.getId(), vars("decisions", decisions(CD, "GOOD", CD, "COMPLETE"))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("hai dòng"));
        assertThatThrownBy(() -> taskService.complete(decide.getId(), vars("decisions", decisions(CD, "BEST"))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("mức xếp loại"));
        assertThatThrownBy(() -> taskService.complete(decide.getId(), vars("decisions", decisions("", "GOOD"))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("chưa chọn đơn vị"));
        assertThat(store.classifications(2019)).extracting(ReviewStore.Classification::decidedGrade).containsOnlyNulls();
        // an empty row, as the list's first row left blank, is no decision
        complete(decide, "decisions", decisions(CD, "COMPLETE", "", ""));
        identityService.clearAuthentication();
        assertThat(running(pi)).isFalse();
        assertThat(store.review(id).orElseThrow().status()).isEqualTo(ReviewStore.Review.Status.CLOSED);
        assertThat(figures.classification(2019)).extracting(ReviewFigures.Classification::unitCode,
                ReviewFigures.Classification::decidedGrade).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CD, "COMPLETE"), org.assertj.core.groups.Tuple.tuple(P1, "EXCELLENT"));
        assertThat(figures.classification(2019).get(1).qcdcPerformance()).contains("Đạt 1/2");
        assertThat(figures.selfReported(2019)).filteredOn(f -> f.unitCode().equals(P1) && f.target() == 1).singleElement()
                .satisfies(f -> assertThat(new int[] {f.numerator(), f.denominator()}).containsExactly(40, 50));
    }

    /** The classify form's rows: unit, grade, award, unit, grade, award, … */
    static org.camunda.spin.plugin.variable.value.JsonValue proposals(String... unitGradeAward) {
        return FormLists.json(FormLists.rows(List.of("unitCode", "grade", "award"), unitGradeAward));
    }

    /** The decide form's rows: unit, grade, … */
    static org.camunda.spin.plugin.variable.value.JsonValue decisions(String... unitGrade) {
        return FormLists.json(FormLists.rows(List.of("unitCode", "grade"), unitGrade));
    }

    @Test
    void badReportsChangeNothing() {
        start(2020, "HALF_YEAR", today().plusDays(20), P1);
        long id = reviewId(2020, "HALF_YEAR");
        assertThatThrownBy(() -> submit(id, P1, "thuky.cd", fig(1, "1", "2"))).hasMessage("steering.error.not-your-unit");
        assertThatThrownBy(() -> submit(id, P1, "thuky.p1", fig(1, "-1", "2"))).hasMessage("steering.error.figure");
        assertThatThrownBy(() -> submit(id, P1, "thuky.p1", fig(1, "abc", "2"))).hasMessage("steering.error.figure");
        assertThatThrownBy(() -> submit(id, P1, "thuky.p1", fig(1, "3", "2"))).hasMessage("steering.error.figure-above");
        assertThatThrownBy(() -> submit(id, P1, "thuky.p1", fig(1, "3", ""))).hasMessage("steering.error.figure-pair");
        assertThat(store.report(id, P1).orElseThrow().status()).isEqualTo(ReviewStore.Report.Status.DRAFT);
        assertThat(jdbc.queryForObject("select count(*) from review_report_section s join review_unit_report u on u.id = s.report_id"
                + " where u.review_id = ?", Long.class, id)).isZero();
    }

    @Test
    void aSecondReviewOfTheSamePeriodOrAnUnknownUnitIsRefusedAndCreatesNothing() {
        start(2021, "HALF_YEAR", today().plusDays(20), P1);
        long instances = runtimeService.createProcessInstanceQuery().count();
        long reviews = jdbc.queryForObject("select count(*) from review", Long.class);
        assertThatThrownBy(() -> start(2021, "HALF_YEAR", today().plusDays(30), CD))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("sơ kết 6 tháng năm 2021 đã được mở"));
        assertThatThrownBy(() -> start(2021, "ANNUAL", today().plusDays(30), "no-such-unit"))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("no-such-unit"));
        assertThatThrownBy(() -> start(2021, "ANNUAL", today().plusDays(30), P1 + "-kv1"))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("kv1"));
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(jdbc.queryForObject("select count(*) from review", Long.class)).isEqualTo(reviews);
    }

    @Test
    void aUnitMissingTheDeadlineIsEscalatedToItsSupervisorsAndAHalfYearReviewEndsAtSignOff() {
        ProcessInstance pi = start(2022, "HALF_YEAR", today().plusDays(1), P1 + "," + CD);
        long id = reviewId(2022, "HALF_YEAR");
        Task p1 = tasks(pi, "submit-report").stream().filter(t -> groups(t).contains(P1 + ":steering-secretary")).findFirst().orElseThrow();
        assertThat(p1.getDueDate()).isEqualTo(Date.from(today().plusDays(1).atTime(23, 59, 59).atZone(VN).toInstant()));
        submit(id, CD, "thuky.cd", fig(7, "2", "2"));
        ClockUtil.setCurrentTime(Date.from(today().plusDays(2).atTime(9, 0).atZone(VN).toInstant()));
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("submit-report-overdue").singleResult();
        managementService.executeJob(timer.getId());
        Task followUp = task(pi, "follow-up-overdue");
        assertThat(groups(followUp)).containsExactly(P1 + ":supervisor");
        complete(followUp, "followUpNote", "Đã nhắc Tổ Thư ký phường");
        submit(id, P1, "thuky.p1", fig(7, "3", "3"));
        complete(task(pi, "consolidate-province"), "consolidationNote", "");
        complete(task(pi, "sign-off"), "approved", true);
        assertThat(running(pi)).isFalse();
        assertThat(reports.consolidated(id, "hg").get(7)).containsExactly(5, 5);
        assertThat(store.review(id).orElseThrow().status()).isEqualTo(ReviewStore.Review.Status.SIGNED_OFF);
    }

    @Test
    void theTimerOpensTheReviewOfTheSeason() {
        Job job = managementService.createJobQuery().processDefinitionKey("periodic-review-schedule").timers()
                .activityId("review-due").singleResult();
        assertThat(job).isNotNull();
        LocalDate due = job.getDuedate().toInstant().atZone(VN).toLocalDate();
        assertThat(due.getDayOfMonth()).isEqualTo(15);
        assertThat(due.getMonthValue()).isIn(6, 12);
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        managementService.executeJob(job.getId());
        String period = due.getMonthValue() == 6 ? "HALF_YEAR" : "ANNUAL";
        long id = reviewId(due.getYear(), period);
        ReviewStore.Review review = store.review(id).orElseThrow();
        assertThat(review.deadline()).isEqualTo(due.plusDays(15));
        assertThat(review.asOf()).isEqualTo(due);
        assertThat(store.unitsOf(id)).contains(P1, CD, DISTRICT, "hg-vithanh-thanhtra").doesNotContain("hg", P1 + "-kv1");
        assertThat(managementService.createJobQuery().processDefinitionKey("periodic-review-schedule").timers()
                .activityId("review-due").singleResult().getDuedate()).isAfter(job.getDuedate());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    ProcessInstance start(int year, String period, LocalDate deadline, String units) {
        return runtimeService.startProcessInstanceByKey("periodic-review",
                vars("year", year, "period", period, "deadline", deadline.toString(), "units", units, "openedBy", "thuky.hg"));
    }

    void submit(long id, String unit, String user, ReviewReports.SectionInput... sections) {
        Set<String> groups = jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, user)
                .stream().collect(java.util.stream.Collectors.toSet());
        reports.submit(id, unit, user, groups, List.of(sections));
    }

    static ReviewReports.SectionInput fig(int target, String num, String den) {
        return new ReviewReports.SectionInput(target, num, den, "Chỉ tiêu " + target, "");
    }

    long reviewId(int year, String period) {
        return jdbc.queryForObject("select id from review where review_year = ? and period = ?", Long.class, year, period);
    }

    LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(VN).toLocalDate();
    }


    @Override
    public Task task(ProcessInstance pi, String key) {
        List<Task> list = tasks(pi, key);
        assertThat(list).as(key).hasSize(1);
        return list.get(0);
    }




}
