package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;
import vn.qcdc.platform.Refusal;

/** A reception officer records a mixed submission at the counter: one case per kind, then prints the receipts. */
@QcdcTest
class ReceptionIntakeTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CaseRepository cases;
    @Autowired
    CaseTracking tracking;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseNotes notes;

    @Test
    void aMixedSubmissionIsSplitIntoOneCasePerKindAndTheOfficerPrintsEachReceipt() {
        String instance = startAs("tiepdan.p1", form("IN_PERSON", List.of("COMPLAINT", "PETITION")));
        String codes = (String) runtimeService.getVariable(instance, "openedCodes");
        List<String> opened = List.of(codes.split(", "));
        assertThat(opened).hasSize(2).anyMatch(c -> c.startsWith("KN-")).anyMatch(c -> c.startsWith("PA-"));
        for (String code : opened) {
            CitizenCase c = cases.findByCode(code).orElseThrow();
            assertThat(c.channel()).isEqualTo(Channel.IN_PERSON);
            assertThat(c.unitCode()).isEqualTo(DemoUsers.COMMUNE_A);
        }
        var handOver = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(handOver.getAssignee()).isEqualTo("tiepdan.p1");

        // printing the receipt issues the PIN the citizen tracks the case with
        WebSession officer = new WebSession(port);
        officer.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        String page = officer.get("/cases/" + opened.get(0)).body();
        assertThat(page).contains("issue-receipt");
        HttpResponse<String> receipt = officer.postForm("/cases/" + opened.get(0) + "/receipt", "_csrf=" + csrf(page));
        String pin = pinOf(receipt.body());
        assertThat(receipt.body()).as("the printed receipt names the portal's full address")
                .contains("Cổng công dân, http://localhost:" + port + "/portal/track, bằng mã hồ sơ");
        assertThat(tracking.view(opened.get(0), pin, "127.0.0.1").trackingCode()).isEqualTo(opened.get(0));
        HttpResponse<String> reprint = officer.postForm("/cases/" + opened.get(0) + "/receipt", "_csrf=" + csrf(page));
        assertThatThrownBy(() -> tracking.view(opened.get(0), pin, "127.0.0.1")).as("a reprint replaces the PIN")
                .isInstanceOf(Refusal.class);
        assertThat(tracking.view(opened.get(0), pinOf(reprint.body()), "127.0.0.1")).isNotNull();

        WebSession handler = new WebSession(port);
        handler.signIn("xuly.p1", DemoUsers.PASSWORD);
        assertThat(handler.get("/cases/" + opened.get(0)).body()).doesNotContain("issue-receipt");
        // the case page links the officer to the case's own task in Tasklist, and only to tasks they may work on
        Task classify = taskService.createTaskQuery().processInstanceBusinessKey(opened.get(0))
                .taskDefinitionKey("classify-case").singleResult();
        assertThat(officer.get("/cases/" + opened.get(0)).body()).contains("#/?task=" + classify.getId())
                .contains("Mở trong Tasklist: " + classify.getName());
        assertThat(handler.get("/cases/" + opened.get(0)).body()).doesNotContain("#/?task=" + classify.getId());
        // what the process writes on the case is signed as the system, in words
        notes.add(cases.findByCode(opened.get(0)).orElseThrow().id(), CaseNotes.Visibility.PUBLIC, "system", "Đã chuyển đơn");
        assertThat(handler.get("/cases/" + opened.get(0)).body()).contains("Hệ thống (tự động theo quy trình) · ")
                .doesNotContain("system · ");
        taskService.complete(handOver.getId(), Map.of("receiptHandedOver", true));
    }

    @Test
    void aBadRecordingFailsWithAVietnameseMessageAndCreatesNothing() {
        long before = jdbc.queryForObject("select count(*) from citizen_case", Long.class);
        Map<String, Object> form = form("HOTLINE", List.of("DENUNCIATION"));
        form.put("anonymous", true);
        form.put("unitCode", "no-such-unit");
        assertThatThrownBy(() -> startAs("tiepdan.p1", form)).isInstanceOf(vn.qcdc.platform.EngineRefusal.class)
                .hasMessageContaining("case.unit.unknown").hasMessageContaining("case.anonymous.denunciation");
        assertThat(jdbc.queryForObject("select count(*) from citizen_case", Long.class)).isEqualTo(before);
    }

    @Test
    void theCitizenAtTheCounterMayAgreeToBeNotified() {
        Map<String, Object> refused = form("IN_PERSON", List.of("PETITION"));
        refused.put("notify", true);
        refused.put("citizenContact", "Khu vực 1");
        assertThatThrownBy(() -> startAs("tiepdan.p1", refused)).isInstanceOf(vn.qcdc.platform.EngineRefusal.class)
                .hasMessageContaining("case.notify.contact");

        Map<String, Object> agreed = form("IN_PERSON", List.of("COMPLAINT", "PETITION"));
        agreed.put("notify", true);
        String codes = (String) runtimeService.getVariable(startAs("tiepdan.p1", agreed), "openedCodes");
        for (String code : codes.split(", ")) {
            assertThat(jdbc.queryForObject("select address from case_subscription s join citizen_case c on c.id = s.case_id"
                    + " where c.tracking_code = ?", String.class, code)).isEqualTo("+84901234567");
        }
    }

    @Test
    void anOfficerRecordsCasesForTheirOwnUnitOnly() {
        long before = jdbc.queryForObject("select count(*) from citizen_case", Long.class);
        Map<String, Object> form = form("IN_PERSON", List.of("PETITION"));
        form.put("unitCode", DemoUsers.COMMUNE_B);
        assertThatThrownBy(() -> startAs("tiepdan.p1", form)).isInstanceOf(vn.qcdc.platform.EngineRefusal.class)
                .extracting(e -> ((vn.qcdc.platform.EngineRefusal) e).messageKey()).isEqualTo("case.reception.not-your-unit");
        // through Tasklist's door the officer reads why, in Vietnamese, and nothing was opened
        WebSession officer = new WebSession(port);
        officer.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        HttpResponse<String> start = officer.camunda("POST",
                "/camunda/api/engine/engine/default/process-definition/key/reception-intake/submit-form",
                "{\"variables\": {\"channel\": {\"value\": \"IN_PERSON\"}, \"kinds\": {\"value\": \"[\\\"PETITION\\\"]\", \"type\": \"Json\"},"
                        + " \"unitCode\": {\"value\": \"" + DemoUsers.COMMUNE_B + "\"}, \"title\": {\"value\": \"x\"},"
                        + " \"content\": {\"value\": \"y\"}, \"anonymous\": {\"value\": true}}}");
        assertThat(start.statusCode()).isEqualTo(400);
        assertThat(start.body()).contains("chỉ ghi nhận đơn cho đơn vị mình").doesNotContain("Exception")
                .doesNotContain("Cannot").doesNotContain("⟦");
        assertThat(jdbc.queryForObject("select count(*) from citizen_case", Long.class)).isEqualTo(before);
    }

    @Test
    void onlyReceptionOfficersMayStartIt() {
        HttpResponse<String> start = WebSession.basic(port, "POST",
                "/engine-rest/process-definition/key/reception-intake/start", "xuly.p1", DemoUsers.PASSWORD, "{}");
        assertThat(start.statusCode()).isEqualTo(403);
    }

    private String startAs(String user, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of("reception-officer", DemoUsers.COMMUNE_A + ":reception-officer"));
        try {
            return runtimeService.startProcessInstanceByKey("reception-intake", variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Map<String, Object> form(String channel, List<String> kinds) {
        Map<String, Object> v = new HashMap<>();
        v.put("channel", channel);
        v.put("kinds", new java.util.ArrayList<>(kinds));
        v.put("unitCode", DemoUsers.COMMUNE_A);
        v.put("title", "Đơn tại quầy");
        v.put("content", "Khiếu nại quyết định xử phạt và kiến nghị sửa đường.");
        v.put("anonymous", false);
        v.put("citizenName", "Đinh Văn Quầy");
        v.put("citizenAddress", "Khu vực 1");
        v.put("citizenContact", "0901234567");
        return v;
    }

    private static String pinOf(String html) {
        var m = java.util.regex.Pattern.compile("id=\"receipt-pin\"[^>]*>(\\d{6})<").matcher(html);
        assertThat(m.find()).as("receipt shows a PIN").isTrue();
        return m.group(1);
    }

    private static String csrf(String html) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
