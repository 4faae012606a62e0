package vn.qcdc.selfcriticism;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;
import vn.qcdc.support.FormLists;
import java.util.List;

/**
 * A year's round for two communes over real HTTP: the steering secretary opens it and the officers work through
 * /engine-rest with their own accounts (Camunda authorizations apply), citizens comment on the portal, reception
 * officers moderate, and the public page ends with the approved comments and the commitments. Bad input changes nothing.
 */
@QcdcTest
class SelfCriticismRoundTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final ObjectMapper JSON = new ObjectMapper();
    /** This year; the browser test uses next year, the process test 2018–2024. */
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SelfCriticismStore store;
    @Autowired
    ManagementService managementService;
    @Autowired
    CommentRateLimit rateLimit;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        rateLimit.clear();
    }

    @Test
    void aRoundForTwoCommunesFromPlanToThePublicSummary() throws Exception {
        rateLimit.clear();
        LocalDate today = LocalDate.now(VN);
        String units = DemoUsers.COMMUNE_A + ", " + DemoUsers.COMMUNE_B;
        HttpResponse<String> opened = rest("POST", "/engine-rest/process-definition/key/selfcriticism-round/submit-form",
                "thuky.hg", form("year", YEAR, "deadline", today.plusDays(60).toString(), "units", units));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        long roundId = jdbc.queryForObject("select id from selfcriticism_round where round_year = ?", Long.class, YEAR);
        assertThat(jdbc.queryForObject("select opened_by from selfcriticism_round where id = ?", String.class, roundId))
                .isEqualTo("thuky.hg");

        // a second round for the same year is refused and creates nothing
        HttpResponse<String> again = rest("POST", "/engine-rest/process-definition/key/selfcriticism-round/submit-form",
                "thuky.hg", form("year", YEAR, "deadline", today.plusDays(90).toString(), "units", ""));
        assertThat(again.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(again.body()).contains("đã được mở");
        assertThat(jdbc.queryForObject("select count(*) from selfcriticism_session where round_id = ?", Long.class, roundId))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from selfcriticism_round where round_year = ?", Long.class, YEAR))
                .isEqualTo(1);
        // only steering secretaries open rounds
        assertThat(rest("POST", "/engine-rest/process-definition/key/selfcriticism-round/submit-form", "tiepdan.p1",
                form("year", YEAR - 1, "deadline", today.plusDays(60).toString(), "units", units)).statusCode())
                .isEqualTo(403);

        long p1 = store.sessionIdOf(roundId, DemoUsers.COMMUNE_A);
        long cd = store.sessionIdOf(roundId, DemoUsers.COMMUNE_B);
        LocalDate day = today.plusDays(10);

        // planning: a date in the past is refused, the form stays open
        String planP1 = taskId("plan-session", DemoUsers.COMMUNE_A + ":unit-head", "truong.p1");
        HttpResponse<String> past = rest("POST", "/engine-rest/task/" + planP1 + "/submit-form", "truong.p1",
                form("sessionDate", today.minusDays(2).toString(), "venue", "Hội trường", "officials", officials("truong.p1", "Chủ tịch")));
        assertThat(past.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(past.body()).contains("đã qua");
        assertThat(store.session(p1).orElseThrow().status()).isEqualTo(SessionStatus.PLANNING);
        assertThat(new WebSession(port).get("/portal/sessions/" + p1).statusCode()).isEqualTo(404);

        ok(rest("POST", "/engine-rest/task/" + planP1 + "/submit-form", "truong.p1", form("sessionDate", day.toString(),
                "venue", "Hội trường UBND Phường I", "officials", officials("truong.p1", "Chủ tịch UBND phường"))));
        ok(rest("POST", "/engine-rest/task/" + taskId("plan-session", DemoUsers.COMMUNE_B + ":unit-head", "truong.cd")
                + "/submit-form", "truong.cd", form("sessionDate", day.toString(), "venue", "Nhà văn hóa thị trấn Cây Dương",
                "officials", officials("truong.cd", "Chủ tịch UBND thị trấn"))));

        // the public notice
        WebSession citizen = new WebSession(port);
        HttpResponse<String> notice = citizen.get("/portal/sessions/" + p1);
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.body()).contains("Hội trường UBND Phường I", "Lê Văn Cường", "Chủ tịch UBND phường",
                "sc-comment-form");
        assertThat(new WebSession(port).get("/portal/sessions/" + p1 + "?lang=en").body()).contains("Send a comment");
        long officialP1 = store.officials(p1).get(0).id();
        long officialCd = store.officials(cd).get(0).id();

        // comments: bad ones change nothing
        long before = comments();
        assertThat(comment(citizen, p1, "", "   ", null).statusCode()).isEqualTo(400);
        HttpResponse<String> huge = comment(citizen, p1, "", "x".repeat(100_000), null);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("tối đa 2.000 ký tự");
        assertThat(comment(citizen, p1, String.valueOf(officialCd), "Góp ý nhầm buổi", null).statusCode()).isEqualTo(400);
        assertThat(comment(citizen, p1, "999999", "Không có cán bộ này", null).statusCode()).isEqualTo(400);
        assertThat(comments()).isEqualTo(before);

        assertThat(comment(citizen, p1, String.valueOf(officialP1), "Đề nghị đồng chí Chủ tịch sửa đường hẻm 5", "Trần Thị Bình")
                .statusCode()).isEqualTo(302);
        assertThat(comment(citizen, p1, "", "Nội dung không phù hợp để công khai", null).statusCode()).isEqualTo(302);
        assertThat(comment(citizen, cd, "", "Cần công khai thu chi quỹ phòng chống thiên tai", "Ông Tư").statusCode()).isEqualTo(302);
        assertThat(comments()).isEqualTo(before + 3);
        assertThat(citizen.get("/portal/sessions/" + p1).body()).doesNotContain("sửa đường hẻm 5");

        // moderation by the unit's reception officer only
        long roadComment = commentId(p1, "sửa đường hẻm 5");
        long offTopic = commentId(p1, "không phù hợp");
        long fundComment = commentId(cd, "thu chi quỹ");
        WebSession other = signedIn("tiepdan.cd");
        assertThat(moderate(other, roadComment, "approve", null).statusCode()).isEqualTo(403);
        WebSession officer = signedIn("tiepdan.p1");
        String page = officer.get("/selfcriticism/moderation").body();
        assertThat(page).contains("sửa đường hẻm 5").doesNotContain("thu chi quỹ");
        assertThat(moderate(officer, offTopic, "reject", "").statusCode()).isEqualTo(400);
        assertThat(moderate(officer, roadComment, "approve", null).statusCode()).isEqualTo(302);
        assertThat(moderate(officer, offTopic, "reject", "Không liên quan đến buổi kiểm điểm").statusCode()).isEqualTo(302);
        assertThat(moderate(officer, roadComment, "reject", "Đổi ý").statusCode()).isEqualTo(409);
        assertThat(moderate(signedIn("tiepdan.cd"), fundComment, "approve", null).statusCode()).isEqualTo(302);
        // a comment received in person, entered by the officer
        HttpResponse<String> entered = officer.postForm("/selfcriticism/sessions/" + p1 + "/comments",
                "body=" + enc("Hòm thư: đề nghị lắp đèn khu vực 3") + "&officialId=&authorName=&_csrf=" + enc(csrf(officer, "/selfcriticism/moderation")));
        assertThat(entered.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select source || '/' || status from selfcriticism_comment where id = ?", String.class,
                commentId(p1, "lắp đèn khu vực 3"))).isEqualTo("OFFICER/APPROVED");

        // the rate limit: five public comments per address in ten minutes (three were sent already)
        assertThat(comment(citizen, cd, "", "Góp ý thứ tư", null).statusCode()).isEqualTo(302);
        assertThat(comment(citizen, cd, "", "Góp ý thứ năm", null).statusCode()).isEqualTo(302);
        HttpResponse<String> limited = comment(citizen, cd, "", "Góp ý thứ sáu", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("thử lại sau 10 phút");
        rateLimit.clear();

        // written self-assessments by the officials themselves
        ok(rest("POST", "/engine-rest/task/" + assigned("self-assess", "truong.p1") + "/submit-form", "truong.p1",
                form("selfAssessment", "Ưu điểm, khuyết điểm của Chủ tịch UBND Phường I")));
        ok(rest("POST", "/engine-rest/task/" + assigned("self-assess", "truong.cd") + "/submit-form", "truong.cd",
                form("selfAssessment", "Tự kiểm điểm của Chủ tịch UBND thị trấn")));

        // the session day: comments close
        ClockUtil.setCurrentTime(Date.from(day.atTime(8, 0).atZone(VN).toInstant()));
        for (Job job : managementService.createJobQuery().timers().activityId("comment-period").list()) {
            if (job.getDuedate().before(ClockUtil.getCurrentTime())
                    && (store.session(p1).orElseThrow().processInstanceId().equals(job.getProcessInstanceId())
                    || store.session(cd).orElseThrow().processInstanceId().equals(job.getProcessInstanceId()))) {
                managementService.executeJob(job.getId());
            }
        }
        assertThat(store.session(p1).orElseThrow().status()).isEqualTo(SessionStatus.COMMENTS_CLOSED);
        long closedBefore = comments();
        HttpResponse<String> closed = comment(citizen, p1, "", "Góp ý muộn", null);
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(closed.body()).contains("hết thời gian nhận góp ý");
        assertThat(comments()).isEqualTo(closedBefore);

        // minutes by each commune's steering secretary; commitments become action items
        ok(rest("POST", "/engine-rest/task/" + taskId("record-minutes", DemoUsers.COMMUNE_A + ":steering-secretary", "thuky.p1")
                + "/submit-form", "thuky.p1", form("attendance", "52 người dân, Mặt trận, đoàn thể",
                "commentsRaised", "Đường hẻm 5", "officialResponses", responses("truong.p1", "Tiếp thu, sửa trong quý I", "Hoàn thành tốt nhiệm vụ"),
                "commitments", commitments("truong.p1", "Sửa đường hẻm 5 khu vực 1", "xuly.p1", day.plusDays(45).toString()))));
        ok(rest("POST", "/engine-rest/task/" + taskId("record-minutes", DemoUsers.COMMUNE_B + ":steering-secretary", "thuky.cd")
                + "/submit-form", "thuky.cd", form("attendance", "40 người dân", "commentsRaised", "",
                "officialResponses", "", "commitments", "")));
        assertThat(store.actions(p1)).singleElement().extracting(SelfCriticismStore.ActionItem::owner).isEqualTo("xuly.p1");
        assertThat(store.actions(cd)).isEmpty();

        // sign-off by the unit heads
        ok(rest("POST", "/engine-rest/task/" + taskId("sign-off", DemoUsers.COMMUNE_A + ":unit-head", "truong.p1")
                + "/submit-form", "truong.p1", form("signOffNote", "Đồng ý")));
        ok(rest("POST", "/engine-rest/task/" + taskId("sign-off", DemoUsers.COMMUNE_B + ":unit-head", "truong.cd")
                + "/submit-form", "truong.cd", form("signOffNote", "")));
        assertThat(store.session(p1).orElseThrow().status()).isEqualTo(SessionStatus.SIGNED_OFF);
        assertThat(store.session(p1).orElseThrow().signedOffBy()).isEqualTo("truong.p1");

        // the public summary: approved comments and commitments, never the rejected or pending ones
        String summary = new WebSession(port).get("/portal/sessions/" + p1).body();
        assertThat(summary).contains("sửa đường hẻm 5", "lắp đèn khu vực 3", "Sửa đường hẻm 5 khu vực 1", "Đang thực hiện",
                "Hoàn thành tốt nhiệm vụ").doesNotContain("không phù hợp để công khai", "sc-comment-form");
        assertThat(new WebSession(port).get("/portal/sessions/" + cd).body()).contains("thu chi quỹ").doesNotContain("Góp ý thứ năm");
        assertThat(comment(citizen, p1, "", "Sau khi ký", null).statusCode()).isEqualTo(409);

        // the owner carries out the commitment
        ok(rest("POST", "/engine-rest/task/" + assigned("carry-out-action", "xuly.p1") + "/submit-form", "xuly.p1",
                form("actionResult", "Đã trải nhựa xong")));
        assertThat(new WebSession(port).get("/portal/sessions/" + p1).body()).contains("Đã hoàn thành");
        assertThat(jdbc.queryForObject("select closed_at from selfcriticism_round where id = ?", Date.class, roundId)).isNotNull();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    long comments() {
        return jdbc.queryForObject("select count(*) from selfcriticism_comment", Long.class);
    }

    long commentId(long session, String fragment) {
        return jdbc.queryForObject("select id from selfcriticism_comment where session_id = ? and body like ?", Long.class,
                session, "%" + fragment + "%");
    }

    HttpResponse<String> comment(WebSession w, long session, String official, String body, String name) {
        return w.postForm("/portal/sessions/" + session + "/comments", "officialId=" + enc(official) + "&body=" + enc(body)
                + (name == null ? "" : "&authorName=" + enc(name)) + "&_csrf=" + enc(csrf(w, "/portal/track")));
    }

    HttpResponse<String> moderate(WebSession w, long comment, String decision, String reason) {
        return w.postForm("/selfcriticism/comments/" + comment + "/moderate", "decision=" + decision
                + (reason == null ? "" : "&reason=" + enc(reason)) + "&_csrf=" + enc(csrf(w, "/selfcriticism/moderation")));
    }

    WebSession signedIn(String user) {
        WebSession w = new WebSession(port);
        assertThat(w.signIn(user, DemoUsers.PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return w;
    }

    static String csrf(WebSession w, String path) {
        Matcher m = CSRF.matcher(w.get(path).body());
        assertThat(m.find()).as("csrf token on " + path).isTrue();
        return m.group(1);
    }

    String taskId(String key, String group, String user) throws Exception {
        JsonNode tasks = JSON.readTree(rest("GET", "/engine-rest/task?taskDefinitionKey=" + key + "&candidateGroup="
                + enc(group) + "&processDefinitionKey=" + (key.equals("carry-out-action") ? "selfcriticism-action"
                : "selfcriticism-session"), user, null).body());
        assertThat(tasks.size()).as(key + " for " + group).isEqualTo(1);
        return tasks.get(0).get("id").asText();
    }

    String assigned(String key, String user) throws Exception {
        JsonNode tasks = JSON.readTree(rest("GET", "/engine-rest/task?taskDefinitionKey=" + key + "&assignee=" + user,
                user, null).body());
        assertThat(tasks.size()).as(key + " of " + user).isEqualTo(1);
        return tasks.get(0).get("id").asText();
    }

    HttpResponse<String> rest(String method, String path, String user, String json) {
        return WebSession.basic(port, method, path, user, DemoUsers.PASSWORD, json);
    }

    static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
    }

    static String form(Object... kv) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object value = kv[i + 1];
            // a dynamic list goes as Tasklist sends it: its rows as a Json variable
            variables.put((String) kv[i], value instanceof List<?> rows ? Map.of("value", JSON.writeValueAsString(rows), "type", "Json")
                    : Map.of("value", value, "type", value instanceof Integer ? "Integer" : "String"));
        }
        return JSON.writeValueAsString(Map.of("variables", variables));
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** The plan form's list of officials: user id, title, user id, title, … */
    static List<Map<String, String>> officials(String... userIdsAndTitles) {
        return FormLists.rows(List.of("userId", "title"), userIdsAndTitles);
    }

    /** The minutes' responses: official, response, people's assessment, … */
    static List<Map<String, String>> responses(String... values) {
        return FormLists.rows(List.of("official", "response", "assessment"), values);
    }

    /** The minutes' commitments: official, what, who carries it out, due date, … */
    static List<Map<String, String>> commitments(String... values) {
        return FormLists.rows(List.of("official", "body", "owner", "due"), values);
    }
}
