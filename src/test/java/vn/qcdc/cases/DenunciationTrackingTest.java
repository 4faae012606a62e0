package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FailedAttempts;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * Over real HTTP, as officers work in Tasklist (the engine's REST API) and the denouncer on the tracking page: the
 * notice of acceptance shows on the tracking page, the published conclusion on the portal without the denouncer,
 * and the further denunciation goes from the tracking page to the superior unit; other units' officers cannot
 * act, a wrong PIN files nothing, and the denouncer never reaches the engine.
 */
@QcdcTest
class DenunciationTrackingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NAME = "Lê Thị Kínđáo";
    static final String PHONE = "0977123456";

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noEarlierFailedAttempts() {
        FailedAttempts.forget(jdbc);
    }

    @Test
    void noticePublicationAndFurtherDenunciationFromTheTrackingPage() throws Exception {
        Receipt r = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "Tố cáo cán bộ địa chính", "Cán bộ Y đòi tiền khi làm thủ tục.", NAME, "Khu vực 5, Phường I", PHONE,
                false, null, null), "test");
        String code = r.trackingCode();
        work("tiepdan.p1", code, "classify-case", Map.of("competent", true));
        work("xuly.p1", code, "initial-handling", Map.of("accepted", true));
        work("truong.p1", code, "approve-acceptance", Map.of("approved", true));

        // another commune's officer neither sees nor completes the notice
        assertThat(tasks("xuly.cd", code, "notify-acceptance")).isEmpty();
        String notice = tasks("xuly.p1", code, "notify-acceptance").get(0).get("id").asText();
        HttpResponse<String> foreign = WebSession.basic(port, "POST", "/engine-rest/task/" + notice + "/complete", "xuly.cd",
                DemoUsers.PASSWORD, "{\"variables\": {\"noticeVia\": {\"value\": \"post\"}, \"accusedNotified\": {\"value\": true}}}");
        assertThat(foreign.statusCode()).as(foreign.body()).isBetween(400, 404);
        assertThat(tasks("xuly.p1", code, "notify-acceptance")).as("still open").hasSize(1);

        work("xuly.p1", code, "notify-acceptance", Map.of("noticeVia", "in-person", "accusedNotified", true));
        assertThat(trackingPage(code, r.pin()).body()).contains("Đã gửi thông báo thụ lý tố cáo cho người tố cáo (trao trực tiếp)");

        work("xuly.p1", code, "verify-denunciation", Map.of("findings", "Có căn cứ", "requestExtension", false,
                "especiallyComplex", false));
        work("xuly.p1", code, "draft-conclusion", Map.of("decisionDraft", "Tố cáo đúng; kiến nghị kỷ luật cán bộ Y."));
        work("truong.p1", code, "sign-conclusion", Map.of("approved", true));

        String publish = tasks("truong.p1", code, "publish-conclusion-portal").get(0).get("id").asText();
        HttpResponse<String> leaking = complete("truong.p1", publish, Map.of("publishedText", "Theo đơn của bà " + NAME + ": đúng."));
        assertThat(leaking.statusCode()).isEqualTo(400);
        assertThat(leaking.body()).contains("thông tin của người tố cáo").doesNotContain(NAME).doesNotContain("Exception");
        work("truong.p1", code, "publish-conclusion-portal", Map.of("publishedText", "Tố cáo đúng; đã kiến nghị kỷ luật cán bộ Y."));
        work("tiepdan.p1", code, "send-conclusion", Map.of("sentVia", "post"));

        String portal = new WebSession(port).get("/portal/conclusions").body();
        assertThat(portal).contains("Tố cáo đúng; đã kiến nghị kỷ luật cán bộ Y.").contains("Phường I")
                .doesNotContain(NAME).doesNotContain(PHONE).doesNotContain(code).doesNotContain("Khu vực 5");
        assertThat(new WebSession(port).get("/portal").body()).contains("/portal/conclusions");

        // the denouncer may denounce further: a wrong PIN or no reasons files nothing
        WebSession citizen = new WebSession(port);
        String status = trackingPage(citizen, code, r.pin()).body();
        assertThat(status).contains("id=\"further-box\"");
        String token = WebSession.csrfTokenOf(status);
        String wrongPin = "000000".equals(r.pin()) ? "111111" : "000000";
        HttpResponse<String> wrong = citizen.postForm("/portal/track/further-denunciation", form("trackingCode", code,
                "pin", wrongPin, "reasons", "Kết luận sai", "_csrf", token));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("Mã hồ sơ hoặc mã PIN không đúng");
        HttpResponse<String> blank = citizen.postForm("/portal/track/further-denunciation", form("trackingCode", code,
                "pin", r.pin(), "reasons", "   ", "_csrf", token));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Cần nêu rõ lý do tố cáo tiếp").doesNotContain("Exception");
        assertThat(cases.hasFollowUpCase(cases.findByCode(code).orElseThrow().id())).isFalse();

        HttpResponse<String> filed = citizen.postForm("/portal/track/further-denunciation", form("trackingCode", code,
                "pin", r.pin(), "reasons", "Kết luận chưa xem xét chứng cứ tôi nộp bổ sung.", "_csrf", token));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
        String location = filed.headers().firstValue("Location").orElseThrow();
        String code2 = location.substring(location.lastIndexOf('/') + 1);
        String receipt = citizen.get("/portal/receipt/" + code2).body();
        assertThat(receipt).contains("Đây là tố cáo tiếp đối với hồ sơ " + code).contains("Thành phố Vị Thanh");
        assertThat(trackingPage(code, r.pin()).body()).as("once").doesNotContain("id=\"further-box\"");

        // the superior asks the unit that resolved it for a report; only the right units see each step
        assertThat(tasks("xuly.p1", code2, "request-resolver-report")).isEmpty();
        work("xuly.vt", code2, "request-resolver-report", Map.of("reportRequest", "Đề nghị báo cáo việc giải quyết."));
        assertThat(tasks("truong.cd", code2, "submit-resolver-report")).isEmpty();
        work("truong.p1", code2, "submit-resolver-report", Map.of("resolverReport", "Đã giải quyết theo quy định."));
        assertThat(tasks("truong.p1", code2, "review-further-denunciation")).isEmpty();
        work("truong.vt", code2, "review-further-denunciation", Map.of("furtherAccepted", true));

        // the denouncer's identity: in the new case's vault entry, seen by the superior's head, never by the engine
        assertThat(reveal("truong.p1", code2).statusCode()).as("the unit denounced against").isEqualTo(403);
        assertThat(reveal("truong.vt", code2).body()).contains(NAME);
        for (String path : List.of("/engine-rest/variable-instance?maxResults=100000",
                "/engine-rest/history/variable-instance?maxResults=100000",
                "/engine-rest/history/detail?maxResults=100000", "/engine-rest/history/task?maxResults=100000")) {
            HttpResponse<String> all = WebSession.basic(port, "GET", path, "quantri", DemoUsers.PASSWORD, null);
            assertThat(all.statusCode()).as(path).isEqualTo(200);
            assertThat(all.body()).as(path).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("Khu vực 5");
        }
    }

    @Test
    void aCoercedWithdrawalFromTheTrackingPageGoesOnAndTheCaseFileNamesTheGround() throws Exception {
        Receipt r = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "Tố cáo", "Cán bộ Z nhận tiền.", NAME, "Khu vực 5, Phường I", PHONE, false, null, null), "test");
        String code = r.trackingCode();
        work("tiepdan.p1", code, "classify-case", Map.of("competent", true));
        WebSession citizen = new WebSession(port);
        String token = WebSession.csrfTokenOf(trackingPage(citizen, code, r.pin()).body());
        assertThat(citizen.postForm("/portal/track/withdraw", form("trackingCode", code, "pin", r.pin(), "_csrf", token))
                .statusCode()).isEqualTo(200);

        String decide = tasks("xuly.p1", code, "decide-continuation").get(0).get("id").asText();
        String coerced = "{\"variables\": {\"continueHandling\": {\"value\": true}, \"continuationNote\": {\"value\": \"Bị ép\"},"
                + " \"continuationGrounds\": {\"value\": \"[\\\"coerced\\\"]\", \"type\": \"Json\"}}}";
        assertThat(tasks("xuly.cd", code, "decide-continuation")).isEmpty();
        assertThat(WebSession.basic(port, "POST", "/engine-rest/task/" + decide + "/complete", "xuly.cd", DemoUsers.PASSWORD,
                coerced).statusCode()).as("another commune's officer").isBetween(400, 404);
        WebSession.basic(port, "POST", "/engine-rest/task/" + decide + "/claim", "xuly.p1", DemoUsers.PASSWORD,
                "{\"userId\":\"xuly.p1\"}");
        HttpResponse<String> noGround = WebSession.basic(port, "POST", "/engine-rest/task/" + decide + "/complete", "xuly.p1",
                DemoUsers.PASSWORD, "{\"variables\": {\"continueHandling\": {\"value\": true}, \"continuationNote\": {\"value\": \"x\"}}}");
        assertThat(noGround.statusCode()).isEqualTo(400);
        assertThat(noGround.body()).contains("cần ít nhất một căn cứ");
        HttpResponse<String> done = WebSession.basic(port, "POST", "/engine-rest/task/" + decide + "/complete", "xuly.p1",
                DemoUsers.PASSWORD, coerced);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        assertThat(trackingPage(code, r.pin()).body()).contains("Tố cáo đã rút nhưng vẫn được tiếp tục giải quyết theo quy định.")
                .doesNotContain("ép buộc");
        WebSession head = new WebSession(port);
        head.signIn("truong.p1", DemoUsers.PASSWORD);
        assertThat(head.get("/cases/" + code).body()).contains("id=\"case-continuation-grounds\"")
                .contains("việc rút tố cáo do bị đe dọa, mua chuộc, ép buộc");
        assertThat(tasks("xuly.p1", code, "initial-handling")).as("the handling goes on").hasSize(1);
    }

    private HttpResponse<String> trackingPage(String code, String pin) {
        return trackingPage(new WebSession(port), code, pin);
    }

    private static HttpResponse<String> trackingPage(WebSession citizen, String code, String pin) {
        String token = WebSession.csrfTokenOf(citizen.get("/portal/track").body());
        HttpResponse<String> page = citizen.postForm("/portal/track", form("trackingCode", code, "pin", pin, "_csrf", token));
        assertThat(page.statusCode()).isEqualTo(200);
        return page;
    }

    private HttpResponse<String> reveal(String user, String code) {
        WebSession session = new WebSession(port);
        session.signIn(user, DemoUsers.PASSWORD);
        String token = WebSession.csrfTokenOf(session.get("/").body());
        return session.postForm("/cases/" + code + "/identity", "_csrf=" + token);
    }

    private JsonNode tasks(String user, String code, String key) throws Exception {
        HttpResponse<String> found = WebSession.basic(port, "GET", "/engine-rest/task?processInstanceBusinessKey=" + code
                + "&taskDefinitionKey=" + key, user, DemoUsers.PASSWORD, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body());
    }

    /** What an officer does in Tasklist: find the unit's task, claim it, complete its form. */
    private void work(String user, String code, String key, Map<String, Object> variables) throws Exception {
        JsonNode found = tasks(user, code, key);
        assertThat(found).as(user + " sees " + key).hasSize(1);
        HttpResponse<String> done = complete(user, found.get(0).get("id").asText(), variables);
        assertThat(done.statusCode()).as(done.body()).isIn(200, 204);
    }

    private HttpResponse<String> complete(String user, String taskId, Map<String, Object> variables) {
        WebSession.basic(port, "POST", "/engine-rest/task/" + taskId + "/claim", user, DemoUsers.PASSWORD,
                "{\"userId\":\"" + user + "\"}");
        var body = JSON.createObjectNode();
        var vars = body.putObject("variables");
        variables.forEach((k, v) -> vars.putObject(k).set("value", JSON.valueToTree(v)));
        return WebSession.basic(port, "POST", "/engine-rest/task/" + taskId + "/complete", user, DemoUsers.PASSWORD,
                body.toString());
    }

    private static String form(String... keyValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(keyValues[i]).append('=')
                    .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
