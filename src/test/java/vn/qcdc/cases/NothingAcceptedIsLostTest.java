package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.platform.EngineRefusal;
import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.support.CaseProcessStartOnCommit;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * Whatever a door accepts reaches an officer: the longest text each door takes is filed and routed to
 * its first task, every officer's text at its form's limit is kept, a longer one is refused with a
 * message; and a case whose process cannot start is shown as such, never lost from sight.
 */
@QcdcTest
class NothingAcceptedIsLostTest {

    static final String LONGEST = "Nội dung đơn rất dài của công dân. ".repeat(300).substring(0, SubmissionLimits.MAX_CONTENT - 1)
            + "!";

    @LocalServerPort
    int port;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseProcessStartOnCommit processStart;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theLongestTextOfEveryDoorReachesItsFirstTask() throws Exception {
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(uri("/api/public/cases"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\": \"PETITION\", \"unitCode\": \"" + DemoUsers.COMMUNE_A + "\", \"title\": \"Rất dài\","
                                + " \"content\": \"" + LONGEST + "\", \"anonymous\": true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        assertRouted(api.body().replaceAll(".*\"trackingCode\":\"([^\"]+)\".*", "$1"));

        HttpResponse<String> open311 = http.send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "service_code=PETITION&jurisdiction_id=" + DemoUsers.COMMUNE_A + "&description=" + enc(LONGEST)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(open311.statusCode()).as(open311.body()).isEqualTo(201);
        assertRouted(open311.body().replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1"));

        WebSession citizen = new WebSession(port);
        String form = citizen.get("/portal/submit").body();
        HttpResponse<String> portal = citizen.postForm("/portal/submit?_csrf=" + WebSession.csrfTokenOf(form),
                "kind=PETITION&unitCode=" + DemoUsers.COMMUNE_A + "&title=" + enc("Rất dài") + "&content=" + enc(LONGEST)
                        + "&idempotencyKey=" + java.util.UUID.randomUUID());
        assertThat(portal.statusCode()).as(portal.body()).isEqualTo(302);
        String receiptPage = citizen.get(portal.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body();
        assertRouted(receiptPage.replaceAll("(?s).*id=\"receipt-code\">([A-Z0-9-]+)<.*", "$1"));

        WebSession officer = new WebSession(port);
        officer.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        HttpResponse<String> counter = officer.camunda("POST",
                "/camunda/api/engine/engine/default/process-definition/key/reception-intake/submit-form",
                "{\"variables\": {\"channel\": {\"value\": \"IN_PERSON\"}, \"kinds\": {\"value\": \"[\\\"PETITION\\\"]\","
                        + " \"type\": \"Json\"}, \"unitCode\": {\"value\": \"" + DemoUsers.COMMUNE_A + "\"},"
                        + " \"title\": {\"value\": \"Rất dài\"}, \"content\": {\"value\": \"" + LONGEST + "\"},"
                        + " \"anonymous\": {\"value\": true}}}");
        assertThat(counter.statusCode()).as(counter.body()).isEqualTo(200);
        String instance = counter.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertRouted((String) runtimeService.getVariable(instance, "openedCodes"));
    }

    @Test
    void anOfficersTextAtItsFormsLimitIsKeptAndALongerOneIsRefused() {
        String code = intake.submit(Submission.of(CaseKind.COMPLAINT, Channel.PORTAL, DemoUsers.COMMUNE_A, "Khiếu nại",
                LONGEST, "Công dân", "Ấp 1", "0900000000", false, null, null), "test").trackingCode();
        Task classify = task(code, "classify-case");
        String atLimit = "Ghi chú phân loại. ".repeat(300).substring(0, 4000);
        complete("tiepdan.p1", classify, Map.of("competent", true, "multiSite", false, "remoteArea", false,
                "classificationNote", atLimit + "x"), true);
        complete("tiepdan.p1", classify, Map.of("competent", true, "multiSite", false, "remoteArea", false,
                "classificationNote", atLimit), false);
        Task accept = task(code, "accept-complaint");
        complete("truong.p1", accept, Map.of("accepted", true), false);
        Task verify = task(code, "verify-complaint");
        complete("xuly.p1", verify, Map.of("findings", atLimit + "x", "demandMatchesFindings", true, "proposeComplex", false),
                true);
        complete("xuly.p1", verify, Map.of("findings", atLimit, "demandMatchesFindings", true, "proposeComplex", false), false);
        assertThat(runtimeService.getVariable(verify.getProcessInstanceId(), "findings")).isEqualTo(atLimit);
    }

    @Test
    void aCaseWhoseProcessCannotStartIsShownAsSuchToItsUnitTheAdminsAndTheCitizen() throws Exception {
        var receipt = new Receipt[1];
        repositoryService.suspendProcessDefinitionByKey(CaseIntake.PROCESS_KEY);
        try {
            CaseProcessStartOnCommit.held(() -> receipt[0] = intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL,
                    DemoUsers.COMMUNE_A, "Không khởi động được", "Nội dung", "Công dân", "Ấp 1", "0900000000", false, null,
                    null), "test"));
            CitizenCase c = cases.findByCode(receipt[0].trackingCode()).orElseThrow();
            Job job = SystemAuthority.call(identityService, () -> managementService.createJobQuery()
                    .processDefinitionKey(CaseIntake.PROCESS_KEY).messages().list().stream()
                    .filter(j -> j.getProcessInstanceId() == null && j.getRetries() > 0).toList()).stream()
                    .filter(j -> ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j)
                            .getJobHandlerConfigurationRaw().equals(Long.toString(c.id()))).findFirst().orElseThrow();
            managementService.setJobRetries(job.getId(), 1);
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        } finally {
            repositoryService.activateProcessDefinitionByKey(CaseIntake.PROCESS_KEY);
        }
        String code = receipt[0].trackingCode();

        HttpResponse<String> incidents = WebSession.basic(port, "GET",
                "/engine-rest/process-definition/statistics?incidents=true", "quantri", DemoUsers.PASSWORD, null);
        var definitions = new com.fasterxml.jackson.databind.ObjectMapper().readTree(incidents.body());
        assertThat(definitions).as("Cockpit's dashboard counts it under the case process").anySatisfy(d -> {
            assertThat(d.path("definition").path("key").asText()).isEqualTo(CaseIntake.PROCESS_KEY);
            assertThat(d.path("incidents").get(0).path("incidentCount").asInt()).isPositive();
        });
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("WARNING");

        WebSession officer = new WebSession(port);
        officer.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        assertThat(officer.get("/cases/" + code).body()).contains("id=\"start-failed\"");
        WebSession citizen = new WebSession(port);
        String form = citizen.get("/portal/track").body();
        String status = citizen.postForm("/portal/track", "trackingCode=" + code + "&pin=" + receipt[0].pin() + "&_csrf="
                + WebSession.csrfTokenOf(form)).body();
        assertThat(status).contains("id=\"status-delayed\"").contains("Đang chuyển đến cán bộ tiếp nhận");

        // an admin retries the start in Cockpit: the case reaches its officer and the warnings go
        Job failed = SystemAuthority.call(identityService, () -> managementService.createJobQuery()
                .processDefinitionKey(CaseIntake.PROCESS_KEY).noRetriesLeft().list()).get(0);
        managementService.setJobRetries(failed.getId(), 1);
        processStart.startPendingCaseProcesses();
        assertRouted(code, "Nội dung");
    }

    private void complete(String user, Task task, Map<String, Object> variables, boolean refused) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        identityService.setAuthentication(user, groups);
        try {
            if (refused) {
                assertThatThrownBy(() -> taskService.complete(task.getId(), new HashMap<>(variables)))
                        .isInstanceOf(EngineRefusal.class)
                        .satisfies(e -> assertThat(((EngineRefusal) e).messageKey()).isEqualTo("engine.refused.too-long"));
                assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
            } else {
                taskService.complete(task.getId(), new HashMap<>(variables));
            }
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task task(String code, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
    }

    private void assertRouted(String code) {
        assertRouted(code, LONGEST);
    }

    private void assertRouted(String code, String content) {
        CitizenCase c = cases.findByCode(code.trim()).orElseThrow();
        assertThat(c.processInstanceId()).as(code + " has its process").isNotNull();
        assertThat(c.content()).isEqualTo(content);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(c.trackingCode()).taskDefinitionKey("classify-case")
                .count()).as(code + " waits for its classification").isEqualTo(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
