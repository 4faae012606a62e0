package vn.qcdc.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** A dialogue over real HTTP: the head plans it in Tasklist (REST), citizens and officers ask, the head concludes. */
@QcdcTest
class DialogueJourneyTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    DialogueQuestions questions;
    @Autowired
    DialogueStats stats;

    final ObjectMapper json = new ObjectMapper();
    String lastToken;

    @BeforeEach
    void noRecentQuestions() {
        questions.forgetRecentQuestions();
    }

    @Test
    void citizensAndOfficersAskTheHeadTurnsQuestionsIntoAPetitionAndAnActionItem() throws Exception {
        LocalDateTime when = LocalDateTime.now(VN).plusDays(7).withSecond(0).withNano(0);
        HttpResponse<String> started = start(DemoUsers.COMMUNE_A, when.toString(), "Đối thoại về trật tự đô thị");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String pid = json.readTree(started.body()).get("id").asText();
        long id = jdbc.queryForObject("select id from dialogue where process_instance_id = ?", Long.class, pid);

        // the notice is public
        WebSession citizen = new WebSession(port);
        assertThat(citizen.get("/portal/dialogues").body()).contains("Đối thoại về trật tự đô thị");
        HttpResponse<String> notice = citizen.get("/portal/dialogues/" + id);
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.body()).contains("Hội trường UBND phường", "Đã lên kế hoạch");
        assertThat(new WebSession(port).get("/portal/dialogues/" + id + "?lang=en").body()).contains("Send question", "Dialogue notice");

        // a citizen asks; empty and 100 KB questions are refused and change nothing
        HttpResponse<String> asked = ask(citizen, id, "Khi nào nạo vét kênh ở khu vực 3?", "Trần Thị B");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(citizen.get(java.net.URI.create(asked.headers().firstValue("Location").orElseThrow()).getRawPath() + "?asked").body())
                .contains("Đã nhận câu hỏi");
        HttpResponse<String> empty = ask(citizen, id, "   ", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Vui lòng nhập nội dung câu hỏi");
        HttpResponse<String> huge = ask(citizen, id, "x".repeat(100 * 1024), "");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("dài quá 2000 ký tự");
        assertThat(questionCount(id)).isEqualTo(1);

        // a reception officer of the unit adds one received in person
        WebSession officer = signedIn("tiepdan.p1");
        assertThat(officer.get("/dialogues/" + id).body()).contains("Khi nào nạo vét kênh");
        HttpResponse<String> added = officer.postForm("/dialogues/" + id + "/questions",
                form("text", "Đề nghị lắp đèn chiếu sáng hẻm 5", "askerName", "", "_csrf", csrf(officer.get("/dialogues/" + id).body())));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(questionCount(id)).isEqualTo(2);
        // officers of another unit do not see it
        assertThat(signedIn("tiepdan.cd").get("/dialogues/" + id).statusCode()).isEqualTo(403);

        // the day comes (the timer job is executed as the job executor would)
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pid).timers()
                .activityId("dialogue-day").singleResult().getId());

        // the head marks one as a petition, one as an action item
        WebSession head = signedIn("truong.p1");
        long q1 = jdbc.queryForObject("select id from dialogue_question where dialogue_id = ? and source = 'PORTAL'", Long.class, id);
        long q2 = jdbc.queryForObject("select id from dialogue_question where dialogue_id = ? and source = 'OFFICER'", Long.class, id);
        String token = csrf(head.get("/dialogues/" + id).body());
        assertThat(head.postForm("/dialogues/" + id + "/questions/" + q1 + "/outcome",
                form("outcome", "PETITION", "owner", "", "due", "", "_csrf", token)).statusCode()).isEqualTo(302);
        HttpResponse<String> noOwner = head.postForm("/dialogues/" + id + "/questions/" + q2 + "/outcome",
                form("outcome", "ACTION_ITEM", "owner", "", "due", "", "_csrf", token));
        assertThat(noOwner.statusCode()).isEqualTo(400);
        assertThat(noOwner.body()).contains("người phụ trách");
        String due = LocalDate.now(VN).plusDays(30).toString();
        assertThat(head.postForm("/dialogues/" + id + "/questions/" + q2 + "/outcome",
                form("outcome", "ACTION_ITEM", "owner", "Phó Chủ tịch UBND phường", "due", due, "_csrf", token)).statusCode())
                .isEqualTo(302);
        // a reception officer may not decide
        assertThat(officer.postForm("/dialogues/" + id + "/questions/" + q1 + "/outcome",
                form("outcome", "NONE", "_csrf", csrf(officer.get("/dialogues/" + id).body()))).statusCode()).isEqualTo(403);

        // the head completes the minutes task in Tasklist
        int year = when.getYear();
        long heldBefore = stats.heldCount(DemoUsers.COMMUNE_A, year);
        String taskId = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("record-minutes").singleResult().getId();
        HttpResponse<String> completed = WebSession.basic(port, "POST", "/engine-rest/task/" + taskId + "/complete", "truong.p1",
                DemoUsers.PASSWORD, "{\"variables\": {\"minutes\": {\"value\": \"Đã trả lời 2 câu hỏi.\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        String code = jdbc.queryForObject("select tracking_code from citizen_case where source_ref = ?", String.class, "dialogue:" + id);
        assertThat(jdbc.queryForObject("select channel from citizen_case where tracking_code = ?", String.class, code))
                .isEqualTo("DIALOGUE");
        assertThat(jdbc.queryForObject("select title from citizen_case where tracking_code = ?", String.class, code))
                .startsWith("Câu hỏi tại đối thoại: Khi nào nạo vét kênh");
        assertThat(jdbc.queryForObject("select citizen_name from citizen_case where tracking_code = ?", String.class, code))
                .isEqualTo("Trần Thị B");
        String casePid = jdbc.queryForObject("select process_instance_id from citizen_case where tracking_code = ?", String.class, code);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(casePid).processDefinitionKey("citizen-case").count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select petition_code from dialogue_question where id = ?", String.class, q1)).isEqualTo(code);
        assertThat(jdbc.queryForObject("select action_owner from dialogue_question where id = ?", String.class, q2))
                .isEqualTo("Phó Chủ tịch UBND phường");
        assertThat(jdbc.queryForObject("select count(*) from citizen_case where source_ref = ?", Long.class, "dialogue:" + id))
                .isEqualTo(1);
        assertThat(stats.heldCount(DemoUsers.COMMUNE_A, year)).isEqualTo(heldBefore + 1);

        // held: no more questions
        HttpResponse<String> late = ask(citizen, id, "Còn hỏi được không?", "");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("đã được tổ chức");
        assertThat(questionCount(id)).isEqualTo(2);

        // the stats API counts it
        HttpResponse<String> api = head.getJson("/api/dialogues/stats?year=" + year);
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode n : json.readTree(api.body())) {
            if (n.get("unitCode").asText().equals(DemoUsers.COMMUNE_A)) {
                row = n;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("held").asLong()).isEqualTo(heldBefore + 1);
        assertThat(row.get("unitName").asText()).isNotBlank();
        assertThat(new WebSession(port).getJson("/api/dialogues/stats?year=" + year).statusCode()).isIn(302, 401);
    }

    @Test
    void aDialogueInThePastOrForAnUnknownUnitIsRefusedAndCreatesNothing() {
        long before = jdbc.queryForObject("select count(*) from dialogue", Long.class);
        HttpResponse<String> past = start(DemoUsers.COMMUNE_A, LocalDateTime.now(VN).minusDays(1).withNano(0).toString(), "Quá khứ");
        assertThat(past.statusCode()).isNotEqualTo(200);
        assertThat(past.body()).contains("phải ở tương lai");
        HttpResponse<String> unknown = start("no-such-unit", LocalDateTime.now(VN).plusDays(3).withNano(0).toString(), "Không rõ");
        assertThat(unknown.statusCode()).isNotEqualTo(200);
        assertThat(unknown.body()).contains("Không có đơn vị");
        assertThat(jdbc.queryForObject("select count(*) from dialogue", Long.class)).isEqualTo(before);
    }

    @Test
    void aClientAsksAtMostFiveQuestionsInTenMinutes() throws Exception {
        HttpResponse<String> started = start(DemoUsers.COMMUNE_B, LocalDateTime.now(VN).plusDays(3).withNano(0).toString(), "Giới hạn");
        assertThat(started.statusCode()).isNotEqualTo(200);
        assertThat(started.body()).contains("Chỉ thủ trưởng");
        // only the head of the unit may plan: truong.p1 is not the head of Cây Dương; truong.cd is
        HttpResponse<String> byHead = WebSession.basic(port, "POST", "/engine-rest/process-definition/key/dialogue/start",
                "truong.cd", DemoUsers.PASSWORD, startBody(DemoUsers.COMMUNE_B, LocalDateTime.now(VN).plusDays(3).withNano(0).toString(), "Giới hạn"));
        assertThat(byHead.statusCode()).as(byHead.body()).isEqualTo(200);
        String pid = json.readTree(byHead.body()).get("id").asText();
        long id = jdbc.queryForObject("select id from dialogue where process_instance_id = ?", Long.class, pid);
        WebSession citizen = new WebSession(port);
        for (int i = 1; i <= 5; i++) {
            assertThat(ask(citizen, id, "Câu hỏi số " + i, "").statusCode()).isEqualTo(302);
        }
        HttpResponse<String> sixth = ask(citizen, id, "Câu hỏi số 6", "");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Vui lòng thử lại sau");
        assertThat(questionCount(id)).isEqualTo(5);

        // the head calls it off: the notice says so, questions stop, the process ends
        questions.forgetRecentQuestions();
        WebSession head = signedIn("truong.cd");
        assertThat(signedIn("truong.p1").postForm("/dialogues/" + id + "/cancel",
                form("_csrf", csrf(signedIn("truong.p1").get("/").body()))).statusCode()).isEqualTo(403);
        assertThat(head.postForm("/dialogues/" + id + "/cancel", form("_csrf", csrf(head.get("/dialogues/" + id).body())))
                .statusCode()).isEqualTo(302);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
        assertThat(citizen.get("/portal/dialogues/" + id).body()).contains("Đã hủy");
        HttpResponse<String> afterCancel = ask(citizen, id, "Câu hỏi sau khi hủy", "");
        assertThat(afterCancel.statusCode()).isEqualTo(400);
        assertThat(afterCancel.body()).contains("đã bị hủy");
        assertThat(questionCount(id)).isEqualTo(5);
    }

    private HttpResponse<String> start(String unit, String when, String topic) {
        return WebSession.basic(port, "POST", "/engine-rest/process-definition/key/dialogue/start", "truong.p1",
                DemoUsers.PASSWORD, startBody(unit, when, topic));
    }

    private static String startBody(String unit, String when, String topic) {
        return "{\"variables\": {\"unitCode\": {\"value\": \"" + unit + "\"}, \"topic\": {\"value\": \"" + topic + "\"},"
                + " \"plannedAt\": {\"value\": \"" + when + "\"}, \"venue\": {\"value\": \"Hội trường UBND phường\"},"
                + " \"invitedGroups\": {\"value\": \"Tổ dân phố\"}, \"kind\": {\"value\": \"REGULAR\"}}}";
    }

    private HttpResponse<String> ask(WebSession citizen, long id, String text, String name) {
        String page = citizen.get("/portal/dialogues/" + id).body();
        // a held dialogue's page has no form: the session's token from an earlier page still holds
        String token = CSRF.matcher(page).find() ? csrf(page) : lastToken;
        lastToken = token;
        return citizen.postForm("/portal/dialogues/" + id + "/questions", form("text", text, "askerName", name, "_csrf", token));
    }

    private WebSession signedIn(String user) {
        WebSession s = new WebSession(port);
        assertThat(s.signIn(user, DemoUsers.PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return s;
    }

    private long questionCount(long id) {
        return jdbc.queryForObject("select count(*) from dialogue_question where dialogue_id = ?", Long.class, id);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            // a held dialogue has no form: any page with a form carries the token
            throw new IllegalStateException("no CSRF token");
        }
        return m.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
