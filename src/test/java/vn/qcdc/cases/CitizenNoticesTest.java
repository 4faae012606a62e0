package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.createVariables;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.platform.PlainMail;
import vn.qcdc.platform.SmsGateway;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/**
 * Citizens told without asking: a complaint's acceptance and decision reach the citizen's mailbox exactly once each,
 * through an SMTP server that is down at first and a sender started afresh; the SMS outbox holds the same events; a
 * denunciation's message names its code and status only, and its address never leaves the vault.
 */
@QcdcTest
class CitizenNoticesTest {

    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CitizenNotices notices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    // what a freshly started node's sender is built from
    @Autowired
    IdentityVault vault;
    @Autowired
    OrgUnitRepository units;
    @Autowired
    MessageSource messages;
    @Autowired
    PlainMail mail;
    @Autowired
    SmsGateway sms;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    GreenMail smtp;

    @BeforeEach
    void noMailServerYet() {
        smtp = new GreenMail(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @AfterEach
    void clockBackAndMailOff() {
        ClockUtil.reset();
        smtp.stop();
    }

    @Test
    void aComplaintsAcceptanceAndDecisionArriveOnceEachThroughAFailingServerAndARestart() throws Exception {
        String address = "khieu" + System.nanoTime() + "@example.vn";
        Receipt r = complaint(address);
        long caseId = cases.findByCode(r.trackingCode()).orElseThrow().id();

        complete(r, "classify-case", "competent", true);
        complete(r, "accept-complaint", "accepted", true);
        // the SMTP server is down: the message waits in the outbox, to be tried again a minute later
        Map<String, Object> accepted = notice(caseId, "ACCEPTED");
        assertThat(accepted).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
        assertThat(accepted.get("LAST_ERROR")).isNotNull();

        smtp.start();
        assertThat(notices.sendDue()).as("not due before its backoff").isZero();
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofMinutes(2))));
        assertThat(restartedSender().sendDue()).as("a node started afresh sends what is due").isEqualTo(1);

        complete(r, "verify-complaint", "findings", "Đúng như đơn", "demandMatchesFindings", true, "proposeComplex", false);
        complete(r, "draft-decision", "decisionDraft", "Chấp nhận khiếu nại");
        complete(r, "sign-decision", "approved", true);
        complete(r, "send-decision", "sentVia", "post");
        assertThat(notice(caseId, "DECIDED")).as("sent after the commit").containsEntry("STATUS", "SENT");

        // the sender runs again, on this node and on a restarted one, and the time for every retry passes
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(2))));
        assertThat(notices.sendDue()).isZero();
        assertThat(restartedSender().sendDue()).isZero();

        List<MimeMessage> received = List.of(smtp.getReceivedMessagesForDomain(address));
        assertThat(received).extracting(MimeMessage::getSubject).containsExactly(
                "[QCDC] Hồ sơ " + r.trackingCode() + " đã được thụ lý giải quyết",
                "[QCDC] Hồ sơ " + r.trackingCode() + " đã có quyết định, kết luận giải quyết");
        for (MimeMessage m : received) {
            String body = (String) m.getContent();
            assertThat(body).contains(r.trackingCode(), "Cơ quan giải quyết: ").doesNotContain(r.pin())
                    .doesNotContain("Nguyễn Văn Khiếu").doesNotContain("Đất nhà tôi bị thu hồi sai");
        }
        assertThat(jdbc.queryForList("select event from case_notice where case_id = ? order by id", String.class,
                caseId)).containsExactly("ACCEPTED", "DECIDED");
    }

    @Test
    void theSmsOutboxHoldsTheSameEvents() {
        Receipt r = complaint("0912 345 678");
        long caseId = cases.findByCode(r.trackingCode()).orElseThrow().id();
        complete(r, "classify-case", "competent", true);
        complete(r, "accept-complaint", "accepted", true);
        complete(r, "verify-complaint", "findings", "Đúng như đơn", "demandMatchesFindings", true, "proposeComplex", false);
        complete(r, "draft-decision", "decisionDraft", "Chấp nhận khiếu nại");
        complete(r, "sign-decision", "approved", true);
        complete(r, "send-decision", "sentVia", "post");

        List<Map<String, Object>> sent = jdbc.queryForList("select event, channel, status, body from case_notice"
                + " where case_id = ? order by id", caseId);
        assertThat(sent).extracting(m -> m.get("EVENT")).containsExactly("ACCEPTED", "DECIDED");
        assertThat(sent).allSatisfy(m -> {
            assertThat(m).containsEntry("CHANNEL", "SMS").containsEntry("STATUS", "SENT");
            assertThat((String) m.get("BODY")).startsWith("QCDC: Ho so " + r.trackingCode()).doesNotContain(r.pin());
        });
        assertThat(jdbc.queryForObject("select address from case_subscription where case_id = ?", String.class, caseId))
                .isEqualTo("+84912345678");
    }

    @Test
    void aDenunciationsMessageNamesItsCodeAndStatusOnlyAndItsAddressStaysInTheVault() throws Exception {
        String address = "tocao" + System.nanoTime() + "@example.vn";
        smtp.start();
        Receipt r = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "Tố cáo cán bộ địa chính", "Cán bộ nhận tiền của dân", "Trần Văn Tố", "Ấp 2", address, false, null, null),
                true, "citizen");
        long caseId = cases.findByCode(r.trackingCode()).orElseThrow().id();
        assertThat(jdbc.queryForMap("select channel, address from case_subscription where case_id = ?", caseId))
                .containsEntry("CHANNEL", "EMAIL").containsEntry("ADDRESS", null);

        complete(r, "classify-case", "competent", true, "multiSite", false);
        complete(r, "initial-handling", "accepted", true);
        complete(r, "approve-acceptance", "approved", true);

        MimeMessage[] received = smtp.getReceivedMessagesForDomain(address);
        assertThat(received).hasSize(1);
        String body = (String) received[0].getContent();
        assertThat(body).contains(r.trackingCode(), "đã được thụ lý giải quyết").doesNotContain("Tố cáo cán bộ")
                .doesNotContain("Trần Văn Tố").doesNotContain("Cơ quan giải quyết").doesNotContain("Hạn giải quyết");
        assertThat(jdbc.queryForList("select purpose from identity_access where case_id = ?", String.class, caseId))
                .as("opening the vault to send is logged").contains("notification");
        assertThat(historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(cases.find(caseId).orElseThrow().processInstanceId()).list())
                .noneMatch(v -> String.valueOf(v.getValue()).contains(address));
    }

    @Test
    void aGatewaysRefusalNamingTheNumberKeepsItOutOfTheLogAndTheOutbox() {
        String number = "+8491" + String.valueOf(System.nanoTime()).substring(0, 7);
        Receipt r = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "Tố cáo cán bộ", "Nội dung", "Trần Văn Số", "Ấp 2", number, false, null, null), true, "citizen");
        long caseId = cases.findByCode(r.trackingCode()).orElseThrow().id();
        notices.queue(caseId, CaseNotice.EXTENDED);
        // whatever the app's own sender did with it, this one is due again for the refusing gateway
        jdbc.update("update case_notice set status = 'PENDING', attempts = 0, next_attempt_at = created_at, sent_at = null"
                + " where case_id = ? and event = 'EXTENDED'", caseId);
        SmsGateway refusing = (to, text) -> {
            throw new IllegalStateException("gateway refused " + to);
        };
        new CitizenNotices(jdbc, cases, vault, units, messages, mail, refusing, events, clock, transactions,
                "http://localhost:8080", false).sendDue();
        assertThat((String) notice(caseId, "EXTENDED").get("LAST_ERROR")).contains("gateway refused")
                .doesNotContain(number);
        // not to be sent by the other tests' senders
        jdbc.update("update case_notice set status = 'FAILED' where case_id = ?", caseId);
    }

    @Test
    void aNodeThatDiedWhileSendingNeverSendsTwice() {
        Receipt r = complaint("0987 654 321");
        long caseId = cases.findByCode(r.trackingCode()).orElseThrow().id();
        notices.queue(caseId, CaseNotice.EXTENDED);
        long id = ((Number) notice(caseId, "EXTENDED").get("ID")).longValue();
        // that node claimed the message and died before it could tell whether the gateway had it
        jdbc.update("update case_notice set status = 'SENDING', attempts = 1 where id = ?", id);
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofHours(1))));
        assertThat(restartedSender().sendDue()).isZero();
        assertThat(notice(caseId, "EXTENDED")).containsEntry("STATUS", "SENDING");
    }

    @Test
    void aContactThatCannotBeNotifiedIsRefusedInTheCitizensLanguageAndChangesNothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from citizen_case", Long.class);
        String body = """
                {"kind":"COMPLAINT","unitCode":"%s","title":"Khiếu nại","content":"Nội dung","citizenName":"Lê Văn B",
                 "citizenAddress":"Ấp 1","citizenContact":"Ấp 1, xã Vị Tân","notify":true}""".formatted(DemoUsers.COMMUNE_A);
        mvc.perform(post("/api/public/cases").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.citizenContact").value(org.hamcrest.Matchers.startsWith("Để nhận thông báo")));
        mvc.perform(post("/api/public/cases").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.citizenContact").value(org.hamcrest.Matchers.startsWith("To be notified")));
        mvc.perform(post("/api/public/cases").contentType(MediaType.APPLICATION_JSON).content("""
                {"kind":"PETITION","unitCode":"%s","title":"Kiến nghị","content":"Nội dung","citizenContact":"0912345678",
                 "anonymous":true,"notify":true}""".formatted(DemoUsers.COMMUNE_A)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.notify").value(org.hamcrest.Matchers.containsString("mã PIN")));
        assertThat(jdbc.queryForObject("select count(*) from citizen_case", Long.class)).isEqualTo(before);
    }

    @Test
    void contactsAreReadAsAnEmailOrAMobileNumber() {
        assertThat(NoticeContact.parse(" an.nguyen@example.vn ")).contains(
                new NoticeContact(NoticeContact.Medium.EMAIL, "an.nguyen@example.vn"));
        assertThat(NoticeContact.parse("+84 912.345.678")).contains(
                new NoticeContact(NoticeContact.Medium.SMS, "+84912345678"));
        assertThat(NoticeContact.parse("0292 3876 543")).as("a landline takes no SMS").isEmpty();
        assertThat(NoticeContact.parse("Ấp 3, xã Hỏa Lựu")).isEmpty();
        assertThat(CitizenNotices.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(CitizenNotices.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(CitizenNotices.delayAfter(30)).isEqualTo(Duration.ofHours(6));
    }

    private Receipt complaint(String contact) {
        return intake.submit(Submission.of(CaseKind.COMPLAINT, Channel.PORTAL, DemoUsers.COMMUNE_A, "Khiếu nại thu hồi đất",
                "Đất nhà tôi bị thu hồi sai", "Nguyễn Văn Khiếu", "Khu vực 2", contact, false, null, null), true, "citizen");
    }

    /** A sender as a node just started builds it: nothing in memory, only what the database holds. */
    private CitizenNotices restartedSender() {
        return new CitizenNotices(jdbc, cases, vault, units, messages, mail, sms, events, clock, transactions,
                "http://localhost:8080", false);
    }

    private Map<String, Object> notice(long caseId, String event) {
        return jdbc.queryForMap("select id, status, attempts, last_error from case_notice where case_id = ? and event = ?",
                caseId, event);
    }

    private void complete(Receipt r, String key, Object... keyValues) {
        List<Task> found = taskService.createTaskQuery().processInstanceBusinessKey(r.trackingCode())
                .taskDefinitionKey(key).list();
        assertThat(found).as("open task " + key).hasSize(1);
        var variables = createVariables();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], keyValues[i + 1]);
        }
        taskService.complete(found.get(0).getId(), variables);
    }
}
