package vn.qcdc.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
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

import vn.qcdc.rules.DeadlineService;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.ProcessTest;
import vn.qcdc.platform.Refusal;
import vn.qcdc.support.ProcessSteps;

/** Every path of the dialogue and dialogue-reminder processes, on the engine clock. */
@ProcessTest
class DialogueProcessTest implements ProcessSteps {

    @Autowired
    ProcessEngine engine;

    @Override
    public ProcessEngine engine() {
        return engine;
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
    DeadlineService deadlines;
    @Autowired
    DialogueQuestions questions;
    @Autowired
    DialogueCatalogue catalogue;
    @Autowired
    DialogueStats stats;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        questions.forgetRecentQuestions();
        identityService.clearAuthentication();
    }

    @Test
    void aDialogueIsPlannedWaitsForItsDayAndIsHeldWithActionItems() {
        Instant when = Instant.now().plus(Duration.ofDays(3));
        ProcessInstance pi = plan(DemoUsers.COMMUNE_A, when, "REGULAR");
        long id = dialogueId(pi);
        Dialogue d = catalogue.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(Dialogue.Status.PLANNED);
        assertThat(d.plannedAt()).isEqualTo(when.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(catalogue.upcoming()).extracting(Dialogue::id).contains(id);

        long asked = questions.ask(id, "Khi nào sửa đường?", "Nguyễn Văn A", "10.0.0.1");
        long inPerson = questions.addByOfficer(id, "Xin hỗ trợ học phí", null, "tiepdan.p1");
        long answered = questions.ask(id, "Giờ làm việc của UBND?", null, "10.0.0.1");

        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId("dialogue-day")
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(d.plannedAt());
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        ClockUtil.setCurrentTime(Date.from(when.plusSeconds(60)));
        managementService.executeJob(timer.getId());

        waitingAt(pi, "record-minutes");
        Task minutes = task(pi, "record-minutes");
        assertThat(groups(minutes)).containsExactly(DemoUsers.COMMUNE_A + ":unit-head");
        assertThat(minutes.getDueDate()).isEqualTo(deadlines.due("dialogue.minutes", Date.from(when)));

        questions.mark(id, asked, DialogueQuestion.Outcome.ACTION_ITEM, "Phó Chủ tịch UBND phường", LocalDate.now().plusDays(30));
        questions.mark(id, inPerson, DialogueQuestion.Outcome.ACTION_ITEM, "Công chức văn hóa - xã hội", LocalDate.now().plusDays(10));
        questions.mark(id, answered, DialogueQuestion.Outcome.NONE, null, null);
        assertThatThrownBy(() -> questions.mark(id, answered, DialogueQuestion.Outcome.ACTION_ITEM, " ", null))
                .isInstanceOf(Refusal.class).hasMessage("dialogue.action.owner.required");

        int year = d.year();
        long heldBefore = stats.heldCount(DemoUsers.COMMUNE_A, year);
        taskService.complete(minutes.getId(), Map.of("minutes", "Đã trả lời 3 câu hỏi."));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        Dialogue held = catalogue.find(id).orElseThrow();
        assertThat(held.status()).isEqualTo(Dialogue.Status.HELD);
        assertThat(held.minutes()).isEqualTo("Đã trả lời 3 câu hỏi.");
        assertThat(stats.heldCount(DemoUsers.COMMUNE_A, year)).isEqualTo(heldBefore + 1);
        assertThat(catalogue.questions(id)).extracting(DialogueQuestion::outcome).containsExactly(
                DialogueQuestion.Outcome.ACTION_ITEM, DialogueQuestion.Outcome.ACTION_ITEM, DialogueQuestion.Outcome.NONE);
        assertThat(catalogue.questions(id)).allMatch(q -> q.petitionCode() == null);

        assertThatThrownBy(() -> questions.ask(id, "Còn hỏi được không?", null, "10.0.0.2"))
                .isInstanceOf(Refusal.class).hasMessage("dialogue.question.closed.held");
    }

    @Test
    void lateMinutesRaiseAFollowUpForTheUnitsSupervisors() {
        Instant when = Instant.now().plus(Duration.ofDays(1));
        ProcessInstance pi = plan(DemoUsers.COMMUNE_B, when, "AD_HOC");
        long id = dialogueId(pi);
        ClockUtil.setCurrentTime(Date.from(when.plusSeconds(60)));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("dialogue-day").singleResult().getId());
        Task minutes = task(pi, "record-minutes");
        Job overdue = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("record-minutes-overdue").singleResult();
        assertThat(overdue.getDuedate()).isEqualTo(minutes.getDueDate());
        ClockUtil.setCurrentTime(Date.from(minutes.getDueDate().toInstant().plusSeconds(60)));
        managementService.executeJob(overdue.getId());

        Task followUp = task(pi, "follow-up-overdue");
        assertThat(groups(followUp)).containsExactly(DemoUsers.COMMUNE_B + ":supervisor");
        taskService.complete(followUp.getId(), Map.of("followUpNote", "Đề nghị hoàn thành biên bản"));
        assertThat(task(pi, "record-minutes")).as("the minutes task stays open").isNotNull();
        taskService.complete(minutes.getId(), Map.of("minutes", "Biên bản muộn"));
        assertThat(catalogue.find(id).orElseThrow().status()).isEqualTo(Dialogue.Status.HELD);
    }

    @Test
    void aStartWithAPastDateOrAnUnknownUnitFailsAndCreatesNothing() {
        long before = dialogues();
        assertThatThrownBy(() -> plan(DemoUsers.COMMUNE_A, Instant.now().minus(Duration.ofHours(1)), "REGULAR"))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("phải ở tương lai"));
        assertThatThrownBy(() -> plan("no-such-unit", Instant.now().plus(Duration.ofDays(2)), "REGULAR"))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Không có đơn vị"));
        Map<String, Object> noTopic = variables(DemoUsers.COMMUNE_A, Instant.now().plus(Duration.ofDays(2)), "REGULAR");
        noTopic.remove("topic");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("dialogue", noTopic))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("chủ đề"));
        assertThat(dialogues()).isEqualTo(before);
    }

    @Test
    void onlyTheHeadOfTheUnitPlansItsDialogues() {
        Map<String, Object> v = variables(DemoUsers.COMMUNE_A, Instant.now().plus(Duration.ofDays(2)), "REGULAR");
        long before = dialogues();
        // a head, with the grants of the role, but of another unit
        identityService.setAuthentication("truong.cd", List.of("unit-head", DemoUsers.COMMUNE_B + ":unit-head"));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("dialogue", v))
                .isInstanceOf(ProcessEngineException.class).satisfies(vn.qcdc.support.Refusals.saying("Chỉ thủ trưởng"));
        assertThat(dialogues()).isEqualTo(before);
        identityService.setAuthentication("truong.p1", List.of("unit-head", DemoUsers.COMMUNE_A + ":unit-head"));
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("dialogue", v);
        identityService.clearAuthentication();
        assertThat(runtimeService.getVariable(pi.getId(), "unitHead")).isEqualTo("truong.p1");
        assertThat(dialogues()).isEqualTo(before + 1);
    }

    @Test
    void theStartFormsLocalDateTimeIsVietnameseTime() {
        LocalDate day = LocalDate.now(VN).plusDays(5);
        Map<String, Object> v = variables(DemoUsers.COMMUNE_A, Instant.now(), "REGULAR");
        v.put("plannedAt", day + "T09:30");
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("dialogue", v);
        assertThat(catalogue.find(dialogueId(pi)).orElseThrow().plannedAt())
                .isEqualTo(ZonedDateTime.of(day, java.time.LocalTime.of(9, 30), VN).toInstant());
    }

    @Test
    void onFirstJulyUnitsWithoutADialogueThisYearAreReminded() {
        int year = LocalDate.now(VN).getYear() + 1;
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, 6, 1, 8, 0, 0, 0, VN).toInstant()));
        plan(DemoUsers.COMMUNE_A, ZonedDateTime.of(year, 6, 20, 8, 0, 0, 0, VN).toInstant(), "REGULAR");
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, 7, 1, 8, 0, 0, 0, VN).toInstant()));
        var run = runReminders();

        List<Task> reminders = taskService.createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey("remind-head").list();
        List<String> groups = reminders.stream().flatMap(t -> groups(t).stream()).toList();
        assertThat(groups).contains(DemoUsers.COMMUNE_B + ":unit-head")
                .doesNotContain(DemoUsers.COMMUNE_A + ":unit-head")
                .allMatch(g -> g.endsWith(":unit-head"));
        assertThat(groups).hasSize(reminders.size());
        reminders.forEach(t -> taskService.complete(t.getId()));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.getId()).count()).isZero();

        // from 1 October, two are required: the one planned dialogue is no longer enough
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, 10, 1, 8, 0, 0, 0, VN).toInstant()));
        var october = runReminders();
        assertThat(taskService.createTaskQuery().processInstanceId(october.getId()).taskCandidateGroup(
                DemoUsers.COMMUNE_A + ":unit-head").count()).isEqualTo(1);
        runtimeService.deleteProcessInstance(october.getId(), "test");
    }

    @Test
    void whenEveryUnitHasHeldItsDialoguesNobodyIsReminded() {
        int year = LocalDate.now(VN).getYear() + 2;
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, 1, 2, 8, 0, 0, 0, VN).toInstant()));
        for (String unit : new DialogueRemindersProbe(jdbc).communesAndDistricts(LocalDate.of(year, 7, 1))) {
            plan(unit, ZonedDateTime.of(year, 3, 1, 8, 0, 0, 0, VN).toInstant(), "REGULAR");
        }
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, 7, 1, 8, 0, 0, 0, VN).toInstant()));
        var run = runReminders();
        assertThat(taskService.createTaskQuery().processInstanceId(run.getId()).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.getId()).count()).isZero();
    }

    @Test
    void theReminderTimerIsDueAtEightOnTheFirstOfJulyOrOctober() {
        Job timer = managementService.createJobQuery().processDefinitionKey("dialogue-reminder").timers().singleResult();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.getMonthValue()).isIn(7, 10);
        assertThat(due.getHour()).isEqualTo(8);
    }

    // ---- helpers ----

    /** Executes the cron timer start event's job, as the job executor would at 08:00. */
    private org.camunda.bpm.engine.history.HistoricProcessInstance runReminders() {
        List<String> before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("dialogue-reminder")
                .list().stream().map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList();
        Job timer = managementService.createJobQuery().processDefinitionKey("dialogue-reminder").timers().singleResult();
        managementService.executeJob(timer.getId());
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("dialogue-reminder").list()
                .stream().filter(p -> !before.contains(p.getId())).findFirst().orElseThrow();
    }

    private ProcessInstance plan(String unit, Instant when, String kind) {
        return runtimeService.startProcessInstanceByKey("dialogue", variables(unit, when, kind));
    }

    private static Map<String, Object> variables(String unit, Instant when, String kind) {
        Map<String, Object> v = new HashMap<>();
        v.put("unitCode", unit);
        v.put("topic", "Chỉnh trang đô thị");
        v.put("plannedAt", Date.from(when));
        v.put("venue", "Hội trường UBND");
        v.put("invitedGroups", "Tổ dân phố, Hội Phụ nữ");
        v.put("kind", kind);
        return v;
    }

    private long dialogues() {
        return jdbc.queryForObject("select count(*) from dialogue", Long.class);
    }

    private long dialogueId(ProcessInstance pi) {
        return ((Number) runtimeService.getVariable(pi.getId(), "dialogueId")).longValue();
    }


    /** The units the reminder looks at, read straight from the tree. */
    record DialogueRemindersProbe(JdbcTemplate jdbc) {
        List<String> communesAndDistricts(LocalDate day) {
            return jdbc.queryForList("select code from org_unit where unit_type in ('COMMUNE', 'DISTRICT') and valid_from <= ?"
                    + " and (valid_to is null or valid_to >= ?)", String.class, java.sql.Date.valueOf(day), java.sql.Date.valueOf(day));
        }
    }
}
