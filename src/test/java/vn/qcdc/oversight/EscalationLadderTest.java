package vn.qcdc.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import vn.qcdc.organization.ReorganizationService;
import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.QcdcTest;

/** The ladder on a tree of its own: a commune's task crosses its due date by the engine's clock. */
@QcdcTest
class EscalationLadderTest {

    @Autowired
    ReorganizationService reorganizations;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    EscalationLadder ladder;
    @Autowired
    vn.qcdc.rules.DeadlineService deadlines;
    @Autowired
    vn.qcdc.rules.WorkingDayCalendar calendar;
    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    GreenMail smtp;
    String p;
    String commune;
    String district;

    @BeforeEach
    void aCommuneWithSupervisorsAndAMailServer() {
        smtp = new GreenMail(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        p = "e" + UUID.randomUUID().toString().substring(0, 6) + "-";
        district = p + "d";
        commune = p + "a";
        reorganizations.apply(new StringReader("""
                action,code,name,type,parent_code,staff_count,has_trade_union,successor_code,effective_date
                CREATE,%1$sd,Huyện Thang,DISTRICT,hg,100,true,,2004-01-01
                CREATE,%1$sa,Xã Thang,COMMUNE,%1$sd,20,true,,2004-01-01
                """.formatted(p)), "ladder-test", "test");
        person("sup", "supervisor", commune);
        person("supd", "supervisor", district);
    }

    @AfterEach
    void clockBackAndMailOff() {
        ClockUtil.reset();
        smtp.stop();
    }

    private void person(String name, String role, String unit) {
        User user = identityService.newUser(p + name);
        user.setPassword("x-" + p);
        user.setEmail(p + name + "@thu.qcdc.vn");
        identityService.saveUser(user);
        identityService.createMembership(p + name, role);
        identityService.createMembership(p + name, unit + ":" + role);
    }

    private Task fileAPetition() {
        String code = intake.submit(Submission.of(CaseKind.PETITION, Channel.IN_PERSON, commune, "Cống bị vỡ",
                "Nội dung", "Công dân", "Ấp 1", "0900000000", false, null, null), "test").trackingCode();
        return taskService.createTaskQuery().processInstanceId(cases.findByCode(code).orElseThrow().processInstanceId())
                .singleResult();
    }

    /** Noon of the {@code n}-th working day after the day of {@code due}. */
    private Instant workingDaysAfter(Instant due, int n) {
        java.time.LocalDate day = due.atZone(deadlines.zone()).toLocalDate();
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day.atTime(12, 0).atZone(deadlines.zone()).toInstant();
    }

    private int notifications(String taskId, int level) {
        return jdbc.queryForObject("select count(*) from oversight_notification where task_id = ? and level = ?",
                Integer.class, taskId, level);
    }

    private List<MimeMessage> mailTo(String name) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(p + name + "@thu.qcdc.vn")) {
                found.add(m);
            }
        }
        return found;
    }

    /** Runs the sweep process's timer job, as the job executor would. */
    private void sweepByTheTimer() {
        Job timer = managementService.createJobQuery().processDefinitionKey("oversight-sweep").timers().singleResult();
        managementService.executeJob(timer.getId());
    }

    @Test
    void anOverdueTaskIsToldOncePerLevelWhateverRunsTheSweep() throws Exception {
        Task task = fileAPetition();
        Date due = task.getDueDate();
        assertThat(due).isNotNull();

        sweepByTheTimer();
        assertThat(notifications(task.getId(), 1)).isZero();

        ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(Duration.ofHours(1))));
        sweepByTheTimer();
        sweepByTheTimer(); // the next occurrence of the timer, and a second execution of the sweep
        ladder.sweep();
        twoNodesAtOnce();
        assertThat(notifications(task.getId(), 1)).isEqualTo(1);
        assertThat(notifications(task.getId(), 2)).isZero();
        outbox.sendPending();
        outbox.sendPending();
        assertThat(mailTo("sup")).hasSize(1);
        MimeMessage mail = mailTo("sup").get(0);
        assertThat(mail.getSubject()).contains("Quá hạn (bậc 1)").contains(task.getName());
        assertThat(mailTo("supd")).isEmpty();

        // on the fourth working day after the due day the district hears of it (level 2 from three), once;
        // the commune is not told again and the province (level 3 from five) not yet
        ClockUtil.setCurrentTime(Date.from(workingDaysAfter(due.toInstant(), 4)));
        sweepByTheTimer();
        twoNodesAtOnce();
        outbox.sendPending();
        assertThat(notifications(task.getId(), 1)).isEqualTo(1);
        assertThat(notifications(task.getId(), 2)).isEqualTo(1);
        assertThat(notifications(task.getId(), 3)).isZero();
        assertThat(mailTo("sup")).hasSize(1);
        assertThat(mailTo("supd")).hasSize(1);
        assertThat(jdbc.queryForObject("select unit_code from oversight_notification where task_id = ? and level = 2",
                String.class, task.getId())).isEqualTo(district);

        // a level above the top of the tree tells no one, and is not read again
        mvc.perform(post("/admin/escalations").with(csrf()).with(user("quantri").roles("admin"))
                .param("processKey", "*").param("stepKey", "*").param("level", "4").param("delayWorkingDays", "0")
                .param("role", "supervisor").param("unitOffset", "4")).andExpect(status().is3xxRedirection());
        Long aboveTheTop = jdbc.queryForObject("select id from escalation_rule where process_key = '*' and level = 4",
                Long.class);
        try {
            int mails = smtp.getReceivedMessages().length;
            ladder.sweep();
            assertThat(jdbc.queryForMap("select unit_code, role from oversight_notification where task_id = ?"
                    + " and level = 4", task.getId())).containsEntry("UNIT_CODE", null).containsEntry("ROLE", null);
            outbox.sendPending();
            assertThat(smtp.getReceivedMessages()).hasSize(mails);
        } finally {
            mvc.perform(post("/admin/escalations/" + aboveTheTop + "/delete").with(csrf())
                    .with(user("quantri").roles("admin"))).andExpect(status().is3xxRedirection());
        }

        // the supervisors read it on their board and their home page
        String board = mvc.perform(get("/oversight").with(user(p + "sup").roles("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(board).contains("data-task=\"" + task.getId() + "\" data-level=\"1\"");
        String notices = mvc.perform(get("/oversight/notices").with(user(p + "supd").roles("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notices).contains("data-task=\"" + task.getId() + "\" data-level=\"2\"")
                .doesNotContain("data-level=\"1\"");
    }

    private void twoNodesAtOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> sweep = ladder::sweep;
            List<Future<Integer>> runs = nodes.invokeAll(List.of(sweep, sweep));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdown();
        }
    }

    @Test
    void anAdminsChangeToTheLadderTakesEffectForNewOverdueTasks() throws Exception {
        // classifying a citizen's case: the unit's supervisors only after two working days
        mvc.perform(post("/admin/escalations").with(csrf()).with(user("quantri").roles("admin"))
                .param("processKey", "citizen-case").param("stepKey", "classify-case").param("level", "1")
                .param("delayWorkingDays", "2").param("role", "supervisor").param("unitOffset", "0"))
                .andExpect(status().is3xxRedirection());
        Long rule = jdbc.queryForObject("select id from escalation_rule where process_key = 'citizen-case' and level = 1",
                Long.class);
        try {
            mvc.perform(post("/admin/escalations").with(csrf()).with(user("quantri").roles("admin"))
                    .param("processKey", "citizen-case").param("stepKey", "classify-case").param("level", "9")
                    .param("delayWorkingDays", "2").param("role", "supervisor").param("unitOffset", "0"))
                    .andExpect(status().isBadRequest());
            int before = jdbc.queryForObject("select count(*) from escalation_rule", Integer.class);
            for (String[] unknown : new String[][] {{"citizen-case", "acknowledge-petition"}, {"no-such-process", "*"},
                    {"*", "no-such-step"}}) {
                String refused = mvc.perform(post("/admin/escalations").with(csrf()).with(user("quantri").roles("admin"))
                        .param("processKey", unknown[0]).param("stepKey", unknown[1]).param("level", "4")
                        .param("delayWorkingDays", "2").param("role", "supervisor").param("unitOffset", "0"))
                        .andExpect(status().isBadRequest()).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(refused).contains("chọn trong danh sách");
            }
            assertThat(jdbc.queryForObject("select count(*) from escalation_rule", Integer.class)).isEqualTo(before);
            assertThat(jdbc.queryForObject("select count(*) from reference_change where entity = 'escalation_rule'"
                    + " and changed_by = 'quantri' and new_value like 'citizen-case/classify-case%'", Integer.class)).isPositive();
            Task task = fileAPetition();
            Instant due = task.getDueDate().toInstant();
            ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(1))));
            ladder.sweep();
            assertThat(notifications(task.getId(), 1)).isZero();
            ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(6))));
            ladder.sweep();
            assertThat(notifications(task.getId(), 1)).isEqualTo(1);
            String page = mvc.perform(get("/admin/escalations").with(user("quantri").roles("admin")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("citizen-case/classify-case/1");
        } finally {
            mvc.perform(post("/admin/escalations/" + rule + "/delete").with(csrf()).with(user("quantri").roles("admin")))
                    .andExpect(status().is3xxRedirection());
        }
        // a supervisor cannot edit the ladder
        mvc.perform(post("/admin/escalations").with(csrf()).with(user(p + "sup").roles("supervisor"))
                .param("processKey", "*").param("level", "1").param("delayWorkingDays", "30").param("role", "supervisor")
                .param("unitOffset", "0")).andExpect(status().isForbidden());
    }

    @Test
    void anOfficerWhoAsksGetsOneDigestADay() throws Exception {
        person("off", "reception-officer", commune);
        Task task = fileAPetition();
        mvc.perform(post("/my-deadlines/digest").with(csrf()).with(user(p + "off").roles("reception-officer"))
                .param("enabled", "true")).andExpect(status().is3xxRedirection());
        ClockUtil.setCurrentTime(Date.from(task.getDueDate().toInstant().plus(Duration.ofHours(9))));
        outbox.sendPending();
        outbox.sendPending();
        assertThat(mailTo("off")).hasSize(1);
        assertThat(mailTo("off").get(0).getContent().toString()).contains("[QUÁ HẠN]").contains(task.getName());
    }
}
