package vn.qcdc.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FormLists;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** An annual review over HTTP: two communes and their district report on the page, the province signs off and classifies. */
@QcdcTest
class PeriodicReviewJourneyTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final String DISTRICT = "hg-vithanh";
    static final String P1 = "hg-vithanh-p1";
    static final String P3 = "hg-vithanh-p3";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    ReviewFigures figures;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void anAnnualReviewIsReportedConsolidatedSignedOffAndClassified() throws Exception {
        String body = "{\"variables\": {\"year\": {\"value\": 2024}, \"period\": {\"value\": \"ANNUAL\"},"
                + " \"deadline\": {\"value\": \"" + LocalDate.now(VN).plusDays(15) + "\"},"
                + " \"units\": {\"value\": \"" + DISTRICT + "," + P1 + "," + P3 + "\"}}}";
        HttpResponse<String> started = WebSession.basic(port, "POST", "/engine-rest/process-definition/key/periodic-review/start",
                "thuky.hg", DemoUsers.PASSWORD, body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String pid = json.readTree(started.body()).get("id").asText();
        HttpResponse<String> again = WebSession.basic(port, "POST", "/engine-rest/process-definition/key/periodic-review/start",
                "thuky.hg", DemoUsers.PASSWORD, body);
        assertThat(again.statusCode()).isNotEqualTo(200);
        assertThat(again.body()).contains("đã được mở");
        long id = jdbc.queryForObject("select id from review where review_year = 2024 and period = 'ANNUAL'", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from review where review_year = 2024", Long.class)).isEqualTo(1);

        WebSession p1 = signedIn("thuky.p1");
        WebSession p3 = signedIn("thuky.p3");
        WebSession vt = signedIn("thuky.vt");
        String p1Page = "/reviews/" + id + "/units/" + P1;
        // bad input changes nothing
        assertThat(post(p3, p1Page, "num1", "1", "den1", "2").statusCode()).isEqualTo(403);
        HttpResponse<String> negative = post(p1, p1Page, "num1", "-3", "den1", "10");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("không âm");
        assertThat(post(p1, p1Page, "num1", "mười", "den1", "10").statusCode()).isEqualTo(400);
        HttpResponse<String> above = post(p1, p1Page + "?lang=en", "num1", "11", "den1", "10");
        assertThat(above.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from review_report_section s join review_unit_report u on u.id = s.report_id"
                + " where u.review_id = ?", Long.class, id)).isZero();

        assertThat(post(p1, p1Page, "num1", "45", "den1", "50", "narrative1", "Đã quán triệt", "num8", "2", "den8", "2")
                .statusCode()).isEqualTo(302);
        assertThat(post(p3, "/reviews/" + id + "/units/" + P3, "num1", "30", "den1", "40", "num8", "1", "den8", "2")
                .statusCode()).isEqualTo(302);
        assertThat(post(vt, "/reviews/" + id + "/units/" + DISTRICT, "num1", "100", "den1", "110", "narrative2", "Không có")
                .statusCode()).isEqualTo(302);

        String detail = vt.get("/reviews/" + id).body();
        assertThat(figure(detail, 1)).isEqualTo("175/200");
        assertThat(figure(detail, 8)).isEqualTo("3/4");
        assertThat(figure(vt.get("/reviews/" + id + "?unit=" + P1).body(), 1)).isEqualTo("45/50");

        complete("thuky.hg", task(pid, "consolidate-province"), "{\"consolidationNote\": {\"value\": \"Tổng hợp\"}}");
        complete("truongbcd.hg", task(pid, "sign-off"), "{\"approved\": {\"value\": false}, \"headComment\": {\"value\": \"Làm rõ chỉ tiêu 8\"}}");
        assertThat(vt.get("/reviews/" + id).body()).contains("Làm rõ chỉ tiêu 8");
        complete("thuky.hg", task(pid, "consolidate-province"), "{\"consolidationNote\": {\"value\": \"Đã làm rõ\"}}");
        complete("truongbcd.hg", task(pid, "sign-off"), "{\"approved\": {\"value\": true}}");
        HttpResponse<String> late = post(p1, p1Page + "?lang=vi", "num1", "50", "den1", "50");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("không thể nộp thêm");
        assertThat(figure(vt.get("/reviews/" + id).body(), 1)).isEqualTo("175/200");

        // the secretary's list comes prefilled with the review's party organisations: the form's own rows come back
        Task propose = task(pid, "propose-classification");
        JsonNode offered = json.readTree(formVariables("thuky.hg", propose));
        assertThat(offered.get("proposals").get("value").asText()).contains("\"unitCode\":\"" + P1 + "\"");
        assertThat(offered.get("unitChoices").get("value").asText()).contains("\"value\":\"" + P3 + "\"");
        HttpResponse<String> twice = submit("thuky.hg", propose, "proposals", FormLists.rows(List.of("unitCode", "grade", "award"),
                P1, "EXCELLENT", "Bằng khen", P1, "GOOD", ""));
        assertThat(twice.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(twice.body()).contains("hai dòng");
        assertThat(figures.classification(2024)).isEmpty();
        ok(submit("thuky.hg", propose, "proposals", FormLists.rows(List.of("unitCode", "grade", "award", "qcdcPerformance"),
                P1, "EXCELLENT", "Bằng khen", "Đạt 2/2", P3, "GOOD", "Giấy khen", "Đạt 0/2")));
        // the head's form carries the read-only proposals back unchanged, and one decision differing from them
        Task decide = task(pid, "decide-classification");
        String shown = formVariables("truongbcd.hg", decide);
        JsonNode proposals = json.readTree(json.readTree(shown).get("proposals").get("value").asText());
        assertThat(proposals).hasSize(2);
        ok(submit("truongbcd.hg", decide, "proposals", json.convertValue(proposals, List.class), "decisions",
                FormLists.rows(List.of("unitCode", "grade"), P3, "COMPLETE")));
        assertThat(figures.classification(2024)).extracting(ReviewFigures.Classification::decidedGrade)
                .containsExactly("EXCELLENT", "COMPLETE");

        String mine = p1.get("/classification?year=2024").body();
        assertThat(mine).contains("Hoàn thành xuất sắc nhiệm vụ").doesNotContain("class-" + P3);
        assertThat(signedIn("truongbcd.hg").get("/classification?year=2024&lang=en").body()).contains("class-" + P1)
                .contains("class-" + P3).contains("Completed duties");
        assertThat(signedIn("kiemtoan").get("/classification?year=2024").body()).contains("class-" + P3);
    }

    private Task task(String pid, String key) {
        return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
    }

    private void complete(String user, Task task, String variables) {
        assertThat(task).isNotNull();
        HttpResponse<String> r = WebSession.basic(port, "POST", "/engine-rest/task/" + task.getId() + "/complete", user,
                DemoUsers.PASSWORD, "{\"variables\": " + variables + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    private String formVariables(String user, Task task) {
        HttpResponse<String> r = WebSession.basic(port, "GET", "/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false", user,
                DemoUsers.PASSWORD, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Submits a task's form as Tasklist does: a dynamic list as a Json variable of its rows. */
    private HttpResponse<String> submit(String user, Task task, Object... kv) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object value = kv[i + 1];
            variables.put((String) kv[i], value instanceof List<?> rows ? Map.of("value", json.writeValueAsString(rows), "type", "Json")
                    : Map.of("value", value));
        }
        return WebSession.basic(port, "POST", "/engine-rest/task/" + task.getId() + "/submit-form", user, DemoUsers.PASSWORD,
                json.writeValueAsString(Map.of("variables", variables)));
    }

    private static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    }

    private static String figure(String html, int target) {
        Matcher m = Pattern.compile("id=\"target-" + target + "\">\\s*<td>[^<]*</td>\\s*<td class=\"num\">(\\d+)</td><td class=\"den\">(\\d+)</td>")
                .matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1) + "/" + m.group(2);
    }

    private WebSession signedIn(String user) {
        WebSession s = new WebSession(port);
        assertThat(s.signIn(user, DemoUsers.PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return s;
    }

    private HttpResponse<String> post(WebSession s, String path, String... kv) {
        Matcher m = CSRF.matcher(s.get(path.replaceAll("\\?lang=..", "")).body());
        assertThat(m.find()).isTrue();
        StringBuilder b = new StringBuilder("_csrf=" + enc(m.group(1)));
        for (int i = 0; i < kv.length; i += 2) {
            b.append('&').append(kv[i]).append('=').append(enc(kv[i + 1]));
        }
        return s.postForm(path, b.toString());
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
