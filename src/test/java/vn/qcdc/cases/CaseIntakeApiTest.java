package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

import vn.qcdc.organization.ReorganizationService;
import vn.qcdc.support.CaseProcessStartOnCommit;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/**
 * The JSON API: a submission is accepted at once and its case process started by a job of its own;
 * every bad submission gets a clear message, in Vietnamese unless English is asked, and creates nothing.
 */
@QcdcTest
class CaseIntakeApiTest {

    @org.junit.jupiter.api.BeforeEach
    void noEarlierFailedAttempts() {
        vn.qcdc.support.FailedAttempts.forget(jdbc);
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReorganizationService reorganizations;
    @Autowired
    CaseRepository cases;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CaseProcessStartOnCommit caseProcessStart;

    @Test
    void aGoodPetitionWithAnImageIsAccepted() throws Exception {
        Map<String, Object> body = petition();
        body.put("attachments", List.of(Map.of("fileName", "den-duong.png", "contentBase64", Base64.getEncoder().encodeToString(PNG))));
        HttpResponse<String> r = post(body, UUID.randomUUID().toString(), "vi");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(r.body());
        assertThat(receipt.get("pin").asText()).matches("\\d{6}");
        assertThat(r.headers().firstValue("Set-Cookie")).as("no session for the citizens' API").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from case_attachment a join citizen_case c on c.id = a.case_id"
                + " where c.tracking_code = ?", Integer.class, receipt.get("trackingCode").asText())).isEqualTo(1);
    }

    @Test
    void aCaseIsAcceptedBeforeItsProcessStartsAndTheJobRoutesIt() throws Exception {
        JsonNode[] receipt = new JsonNode[1];
        CaseProcessStartOnCommit.held(() -> receipt[0] = accepted(petition()));
        String code = receipt[0].get("trackingCode").asText();
        assertThat(receipt[0].get("nextDeadline").isNull()).as("the receipt comes before routing").isTrue();
        CitizenCase waiting = cases.findByCode(code).orElseThrow();
        assertThat(waiting.processInstanceId()).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        assertThat(meters.get("qcdc.cases.awaiting.process").gauge().value()).isGreaterThanOrEqualTo(1);
        JsonNode tracked = JSON.readTree(track(code, receipt[0].get("pin").asText()).body());
        assertThat(tracked.get("status").asText()).isEqualTo("RECEIVED");

        caseProcessStart.startPendingCaseProcesses();

        CitizenCase routed = cases.findByCode(code).orElseThrow();
        Task classify = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        assertThat(classify.getTaskDefinitionKey()).isEqualTo("classify-case");
        assertThat(routed.processInstanceId()).isEqualTo(classify.getProcessInstanceId());
        assertThat(routed.nextDeadline()).isEqualTo(classify.getDueDate().toInstant());
        assertThat(runtimeService.getVariable(classify.getProcessInstanceId(), "title")).isEqualTo("Đường ngập nước");
        assertThat(meters.get("qcdc.cases.received").tag("channel", "API").counter().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPetitionWithdrawnBeforeItsProcessStartsIsClosedAndNeverStarted() throws Exception {
        JsonNode[] receipt = new JsonNode[1];
        CaseProcessStartOnCommit.held(() -> receipt[0] = accepted(petition()));
        String code = receipt[0].get("trackingCode").asText();
        HttpResponse<String> withdrawn = send(HttpRequest.newBuilder(url("/api/public/cases/" + code + "/withdraw"))
                .header("X-Case-Pin", receipt[0].get("pin").asText()).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(JSON.readTree(withdrawn.body()).get("status").asText()).isEqualTo("WITHDRAWN");

        caseProcessStart.startPendingCaseProcesses();

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        assertThat(cases.findByCode(code).orElseThrow().processInstanceId()).isNull();
        assertThat(managementService.createJobQuery().processDefinitionKey(CaseIntake.PROCESS_KEY).list())
                .noneMatch(job -> job.getProcessInstanceId() == null);
    }

    @Test
    void emptyFieldsAreRefusedFieldByField() throws Exception {
        JsonNode problem = refused(Map.of("kind", "PETITION"), 400, "vi");
        assertThat(problem.get("fields").get("title").asText()).isEqualTo("Không được để trống.");
        assertThat(problem.get("fields").get("content").asText()).isEqualTo("Không được để trống.");
        assertThat(problem.get("fields").get("unitCode").asText()).contains("Cần chọn");
    }

    @Test
    void aMegabyteOfTextIsRefused() throws Exception {
        Map<String, Object> body = petition();
        body.put("content", "a".repeat(1024 * 1024));
        assertThat(refused(body, 400, "vi").get("fields").get("content").asText()).contains("tối đa 10.000");
    }

    @Test
    void anUnknownKindIsRefusedInTheCallersLanguage() throws Exception {
        Map<String, Object> body = petition();
        body.put("kind", "LAWSUIT");
        assertThat(refused(body, 400, "vi").get("detail").asText()).contains("Loại đơn không hợp lệ");
        assertThat(refused(body, 400, "en").get("detail").asText()).contains("Unknown kind");
    }

    @Test
    void unknownAndDissolvedUnitsAreRefused() throws Exception {
        Map<String, Object> body = petition();
        body.put("unitCode", "no-such-unit");
        assertThat(refused(body, 400, "vi").get("detail").asText()).contains("Không có đơn vị");

        String code = "t" + UUID.randomUUID().toString().substring(0, 6) + "-old";
        String header = "action,code,name,type,parent_code,staff_count,has_trade_union,successor_code,effective_date\n";
        reorganizations.apply(new StringReader(header + "CREATE," + code + ",Xã Cũ,COMMUNE,hg-vithanh,10,true,,2020-01-01\n"), "t", "test");
        reorganizations.apply(new StringReader(header + "DISSOLVE," + code + ",,,,,," + DemoUsers.COMMUNE_A + ",2024-01-01\n"), "t", "test");
        body.put("unitCode", code);
        assertThat(refused(body, 400, "vi").get("detail").asText()).contains("đã giải thể");
    }

    @Test
    void aDisguisedExecutableIsRefusedByItsContent() throws Exception {
        Map<String, Object> body = petition();
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        body.put("attachments", List.of(Map.of("fileName", "anh-chup.jpg", "contentBase64", Base64.getEncoder().encodeToString(exe))));
        assertThat(refused(body, 400, "vi").get("detail").asText()).contains("không phải PDF hoặc ảnh");
    }

    @Test
    void anAnonymousDenunciationIsRefusedAndPointedToAnonymousInformation() throws Exception {
        Map<String, Object> body = petition();
        body.put("kind", "DENUNCIATION");
        body.remove("citizenName");
        assertThat(refused(body, 400, "vi").get("detail").asText()).contains("thông tin nặc danh");
    }

    @Test
    void malformedJsonGetsAPlainMessage() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(url("/api/public/cases")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": ")).build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("không phải JSON hợp lệ").doesNotContain("Exception");
    }

    @Test
    void aReplayedIdempotencyKeyCreatesNothingMore() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post(petition(), key, "vi").statusCode()).isEqualTo(201);
        long before = count();
        HttpResponse<String> replay = post(petition(), key, "vi");
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(replay.body()).get("detail").asText()).contains("đã được ghi nhận trước đó");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aWrongPinIsRefusedAndRepeatedWrongPinsLockTheCase() throws Exception {
        JsonNode receipt = JSON.readTree(post(petition(), null, "vi").body());
        String code = receipt.get("trackingCode").asText();
        String pin = receipt.get("pin").asText();
        String wrong = pin.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = track(code, wrong);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(r.body()).get("detail").asText()).isEqualTo("Mã hồ sơ hoặc mã PIN không đúng.");
        }
        assertThat(track(code, pin).statusCode()).as("the right PIN still works before the lock").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            track(code, wrong);
        }
        HttpResponse<String> locked = track(code, pin);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(locked.body()).get("detail").asText()).contains("quá nhiều lần");
        assertThat(track("KN-0000-NOPE00", "123456").statusCode()).isEqualTo(403);
    }

    private Map<String, Object> petition() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "PETITION");
        body.put("unitCode", DemoUsers.COMMUNE_B);
        body.put("title", "Đường ngập nước");
        body.put("content", "Đường vào ấp ngập khi mưa lớn.");
        body.put("citizenName", "Ngô Thị Hoa");
        body.put("citizenContact", "0909000111");
        return body;
    }

    private JsonNode accepted(Map<String, Object> body) {
        try {
            HttpResponse<String> r = post(body, null, "vi");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode refused(Map<String, Object> body, int status, String language) throws Exception {
        long before = count();
        HttpResponse<String> r = post(body, null, language);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(count()).as("nothing created").isEqualTo(before);
        return JSON.readTree(r.body());
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from citizen_case", Long.class);
    }

    private HttpResponse<String> post(Map<String, Object> body, String key, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url("/api/public/cases")).header("Content-Type", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return send(b.build());
    }

    private HttpResponse<String> track(String code, String pin) throws Exception {
        return send(HttpRequest.newBuilder(url("/api/public/cases/" + code)).header("X-Case-Pin", pin).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
