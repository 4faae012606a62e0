package vn.qcdc.selfcriticism;

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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.OrgUnitType;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.ProcessSteps;
import vn.qcdc.support.ProcessTest;
import vn.qcdc.support.FormLists;
import org.camunda.spin.plugin.variable.value.JsonValue;
import java.util.Map;

/** Every path of the round, session and action-item processes, with the real engine, rules and clock. */
@ProcessTest
class SelfCriticismProcessTest implements ProcessSteps {

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
    SelfCriticismStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgUnitRepository units;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void aSessionIsPlannedHeldMinutedSignedOffAndItsCommitmentsTracked() {
        ProcessInstance round = startRound(2019, today().plusDays(60), DemoUsers.COMMUNE_A);
        long roundId = roundId(2019);
        ProcessInstance session = session(roundId, DemoUsers.COMMUNE_A);
        long sessionId = store.sessionIdOf(roundId, DemoUsers.COMMUNE_A);

        waitingAt(session, "plan-session");
        Task plan = task(session, "plan-session");
        assertThat(groups(plan)).containsExactly(DemoUsers.COMMUNE_A + ":unit-head");
        LocalDate day = today().plusDays(10);
        complete(plan, "sessionDate", day.toString(), "venue", "Hội trường UBND phường",
                "officials", officials("truong.p1", "Chủ tịch UBND phường", "giamsat.p1", "Phó Chủ tịch UBND phường"));
        assertThat(store.session(sessionId).orElseThrow().status()).isEqualTo(SessionStatus.NOTICE_PUBLISHED);

        List<Task> selfAssessments = tasks(session, "self-assess");
        assertThat(selfAssessments).extracting(Task::getAssignee).containsExactlyInAnyOrder("truong.p1", "giamsat.p1");
        for (Task t : selfAssessments) {
            complete(t, "selfAssessment", "Tự kiểm điểm của " + t.getAssignee());
        }
        assertThat(store.officials(sessionId)).extracting(SelfCriticismStore.Official::selfAssessment)
                .containsExactlyInAnyOrder("Tự kiểm điểm của truong.p1", "Tự kiểm điểm của giamsat.p1");

        ClockUtil.setCurrentTime(Date.from(day.atTime(8, 0).atZone(VN).toInstant()));
        fireTimer(session, "comment-period");
        assertThat(store.session(sessionId).orElseThrow().status()).isEqualTo(SessionStatus.COMMENTS_CLOSED);

        waitingAt(session, "record-minutes");
        Task minutes = task(session, "record-minutes");
        assertThat(groups(minutes)).containsExactly(DemoUsers.COMMUNE_A + ":steering-secretary");
        assertThatThrownBy(() -> taskService.complete(minutes.getId(), vars("attendance", "45 người",
                "commitments", commitments("ai.do", "Sửa đường", "xuly.p1", day.plusDays(30).toString()))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("không phải cán bộ tự kiểm điểm"));
        // a forged row naming another commune's officer as who carries the commitment out
        assertThatThrownBy(() -> taskService.complete(minutes.getId(), vars("attendance", "45 người",
                "commitments", commitments("truong.p1", "Sửa đường", "xuly.cd", day.plusDays(30).toString()))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("không giữ vai trò nào ở đơn vị này"));
        assertThat(store.actions(sessionId)).isEmpty();
        complete(minutes, "attendance", "45 người dân, đại diện Mặt trận", "commentsRaised", "Đường hẻm 5 chậm sửa",
                "officialResponses", responses("truong.p1", "Tiếp thu, sửa trong quý", "Tín nhiệm"),
                "commitments", commitments("truong.p1", "Sửa đường hẻm 5", "xuly.p1", day.plusDays(30).toString()));
        assertThat(store.session(sessionId).orElseThrow().status()).isEqualTo(SessionStatus.MINUTES_RECORDED);
        List<SelfCriticismStore.ActionItem> actions = store.actions(sessionId);
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.owner()).isEqualTo("xuly.p1");
            assertThat(a.status()).isEqualTo(SelfCriticismStore.ActionItem.Status.OPEN);
        });

        Task action = taskService.createTaskQuery().processDefinitionKey("selfcriticism-action")
                .processVariableValueEquals("actionItemId", actions.get(0).id()).singleResult();
        assertThat(action.getAssignee()).isEqualTo("xuly.p1");
        assertThat(action.getDueDate()).isEqualTo(Date.from(day.plusDays(30).atTime(23, 59, 59).atZone(VN).toInstant()));

        waitingAt(session, "sign-off");
        Task signOff = task(session, "sign-off");
        assertThat(groups(signOff)).containsExactly(DemoUsers.COMMUNE_A + ":unit-head");
        identityService.setAuthentication("truong.p1", List.of(DemoUsers.COMMUNE_A + ":unit-head", "unit-head"));
        complete(signOff, "signOffNote", "Đồng ý");
        identityService.clearAuthentication();
        SelfCriticismStore.Session signed = store.session(sessionId).orElseThrow();
        assertThat(signed.status()).isEqualTo(SessionStatus.SIGNED_OFF);
        assertThat(signed.signedOffBy()).isEqualTo("truong.p1");

        complete(action, "actionResult", "Đã sửa xong");
        assertThat(store.actions(sessionId).get(0).status()).isEqualTo(SelfCriticismStore.ActionItem.Status.DONE);
        assertThatProcess(session).isEnded();
        assertThatProcess(round).isEnded();
        assertThat(jdbc.queryForObject("select closed_at from selfcriticism_round where id = ?", Date.class, roundId)).isNotNull();
    }

    @Test
    void aSecondRoundForTheSameYearAndUnknownUnitsAreRefusedAndCreateNothing() {
        startRound(2020, today().plusDays(30), DemoUsers.COMMUNE_B);
        long instances = runtimeService.createProcessInstanceQuery().count();
        assertThatThrownBy(() -> startRound(2020, today().plusDays(40), DemoUsers.COMMUNE_A))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("năm 2020 đã được mở"));
        assertThatThrownBy(() -> startRound(2021, today().plusDays(40), "no-such-unit," + DemoUsers.COMMUNE_A))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("no-such-unit"));
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(jdbc.queryForObject("select count(*) from selfcriticism_round where round_year in (2020, 2021)", Long.class))
                .isEqualTo(1);
        assertThat(store.sessionsOfRound(roundId(2020))).extracting(SelfCriticismStore.Session::unitCode)
                .containsExactly(DemoUsers.COMMUNE_B);
    }

    @Test
    void noUnitsMeansEveryActiveCommune() {
        startRound(2018, today().plusDays(30), "");
        long communes = units.findActiveOn(today()).stream().filter(u -> u.type() == OrgUnitType.COMMUNE).count();
        assertThat(store.sessionsOfRound(roundId(2018))).hasSize((int) communes)
                .extracting(SelfCriticismStore.Session::unitCode).contains(DemoUsers.COMMUNE_A, DemoUsers.COMMUNE_B);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("selfcriticism-session")
                .variableValueEquals("roundId", roundId(2018)).count()).isEqualTo(communes);
    }

    @Test
    void aSessionDateInsideTheNoticePeriodOrInThePastIsRefused() {
        startRound(2022, today().plusDays(60), DemoUsers.COMMUNE_B);
        ProcessInstance session = session(roundId(2022), DemoUsers.COMMUNE_B);
        Task plan = task(session, "plan-session");
        assertThatThrownBy(() -> taskService.complete(plan.getId(), vars("sessionDate", today().plusDays(3).toString(),
                "venue", "Hội trường", "officials", officials("truong.cd", "Chủ tịch UBND"))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("ít nhất 7 ngày"));
        assertThatThrownBy(() -> taskService.complete(plan.getId(), vars("sessionDate", today().minusDays(1).toString(),
                "venue", "Hội trường", "officials", officials("truong.cd", "Chủ tịch UBND"))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("đã qua"));
        assertThatThrownBy(() -> taskService.complete(plan.getId(), vars("sessionDate", today().plusDays(7).toString(),
                "venue", "Hội trường", "officials", officials("khong.co", "Chủ tịch UBND"))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("khong.co"));
        // a forged row naming another commune's head as an official of this session
        assertThatThrownBy(() -> taskService.complete(plan.getId(), vars("sessionDate", today().plusDays(7).toString(),
                "venue", "Hội trường", "officials", officials("truong.p1", "Chủ tịch UBND"))))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("không giữ vai trò nào ở đơn vị này"));
        assertThat(taskService.createTaskQuery().taskId(plan.getId()).count()).isEqualTo(1);
        assertThat(store.session(store.sessionIdOf(roundId(2022), DemoUsers.COMMUNE_B)).orElseThrow().status())
                .isEqualTo(SessionStatus.PLANNING);
        complete(plan, "sessionDate", today().plusDays(7).toString(), "venue", "Hội trường", "officials", officials("truong.cd", "Chủ tịch UBND"));
        assertThat(tasks(session, "self-assess")).singleElement().extracting(Task::getAssignee).isEqualTo("truong.cd");
    }

    @Test
    void aSessionNotHeldByTheRoundDeadlineIsEscalatedToTheUnitsSupervisors() {
        startRound(2023, today().plusDays(1), DemoUsers.COMMUNE_B);
        ProcessInstance session = session(roundId(2023), DemoUsers.COMMUNE_B);
        ClockUtil.setCurrentTime(Date.from(today().plusDays(2).atTime(9, 0).atZone(VN).toInstant()));
        fireTimer(session, "round-deadline");
        Task followUp = task(session, "follow-up-overdue");
        assertThat(groups(followUp)).containsExactly(DemoUsers.COMMUNE_B + ":supervisor");
        complete(followUp, "followUpNote", "Đã nhắc đơn vị");
        assertThat(task(session, "plan-session")).as("the session still has to be held").isNotNull();
    }

    @Test
    void anOverdueCommitmentIsEscalatedToTheUnitsSupervisors() {
        startRound(2024, today().plusDays(60), DemoUsers.COMMUNE_A);
        ProcessInstance session = session(roundId(2024), DemoUsers.COMMUNE_A);
        LocalDate day = today().plusDays(8);
        complete(task(session, "plan-session"), "sessionDate", day.toString(), "venue", "Nhà văn hóa khu vực 1",
                "officials", officials("truong.p1", "Chủ tịch UBND phường"));
        complete(task(session, "self-assess"), "selfAssessment", "Bản tự kiểm điểm");
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(VN).toInstant()));
        fireTimer(session, "comment-period");
        complete(task(session, "record-minutes"), "attendance", "30 người",
                "commitments", commitments("truong.p1", "Lắp đèn đường", "xuly.p1", day.plusDays(5).toString()));
        ProcessInstance action = runtimeService.createProcessInstanceQuery().processDefinitionKey("selfcriticism-action")
                .superProcessInstanceId(session.getId()).singleResult();
        ClockUtil.setCurrentTime(Date.from(day.plusDays(6).atTime(9, 0).atZone(VN).toInstant()));
        fireTimer(action, "carry-out-action-overdue");
        Task followUp = task(action, "follow-up-overdue");
        assertThat(groups(followUp)).containsExactly(DemoUsers.COMMUNE_A + ":supervisor");
        complete(followUp, "followUpNote", "Đã nhắc");
        assertThat(task(action, "carry-out-action")).as("the commitment stays open").isNotNull();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    ProcessInstance startRound(int year, LocalDate deadline, String unitList) {
        return runtimeService.startProcessInstanceByKey("selfcriticism-round",
                vars("year", year, "deadline", deadline.toString(), "units", unitList, "openedBy", "thuky.hg"));
    }

    long roundId(int year) {
        return jdbc.queryForObject("select id from selfcriticism_round where round_year = ?", Long.class, year);
    }

    ProcessInstance session(long roundId, String unit) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("selfcriticism-session")
                .variableValueEquals("roundId", roundId).variableValueEquals("unitCode", unit).singleResult();
    }







    static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), VN);
    }


    /** The plan form's list of officials: user id, title, user id, title, … */
    static JsonValue officials(String... userIdsAndTitles) {
        return FormLists.json(FormLists.rows(List.of("userId", "title"), userIdsAndTitles));
    }

    /** The minutes' responses: official, response, people's assessment, … */
    static JsonValue responses(String... values) {
        return FormLists.json(FormLists.rows(List.of("official", "response", "assessment"), values));
    }

    /** The minutes' commitments: official, what, who carries it out, due date, … */
    static JsonValue commitments(String... values) {
        return FormLists.json(FormLists.rows(List.of("official", "body", "owner", "due"), values));
    }
}
