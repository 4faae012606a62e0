package vn.qcdc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.WebSession;

/** Cases worked to their end over real HTTP, as citizens and officers do, for the audit tests. */
final class AuditCases {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COMPLAINT_TITLE = "Khiếu nại mức bồi thường khi thu hồi đất";

    private AuditCases() {
    }

    /** A complaint filed, classified, accepted, verified, discussed, decided and sent, in Phường I. */
    static String finishedComplaint(int port) throws Exception {
        HttpResponse<String> filed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/public/cases")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("kind", "COMPLAINT",
                        "unitCode", DemoUsers.COMMUNE_A, "title", COMPLAINT_TITLE,
                        "content", "Tôi không đồng ý mức bồi thường đất.", "citizenName", "Phạm Văn Khiếu",
                        "citizenAddress", "Khu vực 2, Phường I", "citizenContact", "0911222333")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String code = JSON.readTree(filed.body()).get("trackingCode").asText();
        work(port, "tiepdan.p1", code, "classify-case", Map.of("competent", true));
        work(port, "truong.p1", code, "accept-complaint", Map.of("accepted", true));
        work(port, "xuly.p1", code, "verify-complaint", Map.of("findings", "Mức bồi thường đúng quy định",
                "demandMatchesFindings", false, "proposeComplex", false));
        work(port, "xuly.p1", code, "hold-dialogue", Map.of("dialogueDate", "2026-12-02T09:00",
                "dialogueMinutes", "Biên bản đối thoại", "citizenNotified", true));
        work(port, "xuly.p1", code, "draft-decision", Map.of("decisionDraft", "Giữ nguyên mức bồi thường"));
        work(port, "truong.p1", code, "sign-decision", Map.of("approved", true));
        work(port, "tiepdan.p1", code, "send-decision", Map.of("sentVia", "post"));
        return code;
    }

    /** What an officer does in Tasklist: find the unit's task, claim it, complete its form. */
    static void work(int port, String user, String code, String taskKey, Map<String, Object> variables) throws Exception {
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
}
