package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * Over real HTTP: a citizen files a complaint, the demo officers of Phường I work it in the engine's
 * REST API (as Tasklist does) through acceptance, verification, dialogue and decision, the citizen
 * follows each status with code and PIN, then complains a second time to the city.
 */
@QcdcTest
class ComplaintJourneyTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.junit.jupiter.api.BeforeEach
    void noEarlierFailedAttempts() {
        vn.qcdc.support.FailedAttempts.forget(jdbc);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aComplaintFromFilingToASecondTimeComplaint() throws Exception {
        JsonNode receipt = post("/api/public/cases", Map.of("kind", "COMPLAINT", "unitCode", DemoUsers.COMMUNE_A,
                "title", "Khiếu nại mức bồi thường", "content", "Tôi không đồng ý mức bồi thường đất.",
                "citizenName", "Phạm Văn Khiếu", "citizenAddress", "Khu vực 2, Phường I", "citizenContact", "0911222333"),
                UUID.randomUUID().toString(), 201);
        String code = receipt.get("trackingCode").asText();
        String pin = receipt.get("pin").asText();
        assertThat(code).startsWith("KN-");
        assertThat(status(code, pin)).isEqualTo("RECEIVED");

        work("tiepdan.p1", code, "classify-case", Map.of("competent", true));
        assertThat(citizenView(code, pin).get("nextStep").asText()).isEqualTo("Thụ lý hoặc từ chối thụ lý khiếu nại");
        work("truong.p1", code, "accept-complaint", Map.of("accepted", true));
        assertThat(status(code, pin)).isEqualTo("VERIFYING");
        assertThat(citizenView(code, pin).get("statutoryDeadline").isNull()).isFalse();
        work("xuly.p1", code, "verify-complaint", Map.of("findings", "Mức bồi thường đúng quy định",
                "demandMatchesFindings", false, "proposeComplex", false));
        assertThat(status(code, pin)).isEqualTo("DIALOGUE");
        work("xuly.p1", code, "hold-dialogue", Map.of("dialogueDate", "2026-12-02T09:00", "dialogueMinutes", "Biên bản",
                "citizenNotified", true));
        work("xuly.p1", code, "draft-decision", Map.of("decisionDraft", "Giữ nguyên mức bồi thường"));
        assertThat(status(code, pin)).isEqualTo("DECIDING");
        work("truong.p1", code, "sign-decision", Map.of("approved", true));
        work("tiepdan.p1", code, "send-decision", Map.of("sentVia", "post"));

        JsonNode decided = citizenView(code, pin);
        assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("decisionText").asText()).isEqualTo("Giữ nguyên mức bồi thường");
        assertThat(decided.get("canEscalate").asBoolean()).isTrue();
        assertThat(decided.toString()).doesNotContain("internal");

        JsonNode second = post("/api/public/cases/" + code + "/second-complaint", Map.of(), null, 201, pin);
        String code2 = second.get("trackingCode").asText();
        String pin2 = second.get("pin").asText();
        JsonNode view2 = citizenView(code2, pin2);
        assertThat(view2.get("round").asInt()).isEqualTo(2);
        assertThat(view2.get("unitName").asText()).isEqualTo("Thành phố Vị Thanh");
        work("truong.vt", code2, "accept-complaint", Map.of("accepted", true));
        work("xuly.vt", code2, "verify-complaint", Map.of("findings", "Như lần đầu", "demandMatchesFindings", true,
                "proposeComplex", false));
        assertThat(status(code2, pin2)).as("dialogue is mandatory the second time").isEqualTo("DIALOGUE");
        assertThat(citizenView(code, pin).get("canEscalate").asBoolean()).as("only once").isFalse();
    }

    @Test
    void anOfficerOfAnotherCommuneCannotWorkTheCase() throws Exception {
        JsonNode receipt = post("/api/public/cases", Map.of("kind", "PETITION", "unitCode", DemoUsers.COMMUNE_A,
                "title", "Kiến nghị", "content", "Nội dung"), null, 201);
        String code = receipt.get("trackingCode").asText();
        HttpResponse<String> tasks = WebSession.basic(port, "GET",
                "/engine-rest/task?processInstanceBusinessKey=" + code, "tiepdan.cd", DemoUsers.PASSWORD, null);
        assertThat(JSON.readTree(tasks.body())).isEmpty();
    }

    private String status(String code, String pin) throws Exception {
        return citizenView(code, pin).get("status").asText();
    }

    private JsonNode citizenView(String code, String pin) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/public/cases/" + code))
                .header("X-Case-Pin", pin).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** What an officer does in Tasklist: find the unit's task, claim it, complete its form. */
    private void work(String user, String code, String taskKey, Map<String, Object> variables) throws Exception {
        HttpResponse<String> found = WebSession.basic(port, "GET", "/engine-rest/task?processInstanceBusinessKey=" + code
                + "&taskDefinitionKey=" + taskKey, user, DemoUsers.PASSWORD, null);
        JsonNode tasks = JSON.readTree(found.body());
        assertThat(tasks).as(user + " sees " + taskKey + ": " + found.body()).hasSize(1);
        String id = tasks.get(0).get("id").asText();
        assertThat(WebSession.basic(port, "POST", "/engine-rest/task/" + id + "/claim", user, DemoUsers.PASSWORD,
                "{\"userId\":\"" + user + "\"}").statusCode()).isEqualTo(204);
        var body = JSON.createObjectNode();
        var vars = body.putObject("variables");
        variables.forEach((k, v) -> vars.putObject(k).set("value", JSON.valueToTree(v)));
        HttpResponse<String> done = WebSession.basic(port, "POST", "/engine-rest/task/" + id + "/complete", user,
                DemoUsers.PASSWORD, body.toString());
        assertThat(done.statusCode()).as(done.body()).isIn(200, 204);
    }

    private JsonNode post(String path, Map<String, Object> body, String idempotencyKey, int expected, String... pin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (pin.length > 0) {
            request.header("X-Case-Pin", pin[0]);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
