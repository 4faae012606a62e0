package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** A denouncer's identity reaches only the assigned handling officer and the head of the unit; every read is logged. */
@QcdcTest
@ExtendWith(OutputCaptureExtension.class)
class DenouncerConfidentialityTest {

    static final String NAME = "Trương Thị Bímật";
    static final String PHONE = "0987654321";

    @LocalServerPort
    int port;
    @Autowired
    CaseAccess access;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    Receipt receipt;
    CitizenCase denunciation;

    @BeforeEach
    void aDenunciationAgainstAnOfficial() {
        receipt = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "Tố cáo cán bộ", "Cán bộ X nhận tiền của dân.", NAME, "Khu vực 3, Phường I", PHONE, false, null, null), "test");
        denunciation = cases.findByCode(receipt.trackingCode()).orElseThrow();
    }

    @Test
    void theIdentityIsStoredApartAndEncrypted() {
        assertThat(denunciation.citizenName()).isNull();
        assertThat(denunciation.citizenContact()).isNull();
        String stored = jdbc.queryForObject("select cipher_text from denouncer_identity where case_id = ?", String.class,
                denunciation.id());
        assertThat(stored).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("Bímật");
    }

    @Test
    void onlyTheUnitHeadAndTheAssignedHandlingOfficerSeeIt() {
        for (String user : List.of("xuly.p1", "giamsat.p1", "ttnd.p1", "tiepdan.p1", "kiemtoan", "quantri")) {
            String page = page(user);
            assertThat(page).as(user).contains("identity-masked").doesNotContain(NAME).doesNotContain(PHONE)
                    .doesNotContain("reveal-identity");
        }
        assertThat(reveal("xuly.p1").statusCode()).as("not assigned yet").isEqualTo(403);

        assertThat(page("truong.p1")).contains("reveal-identity").doesNotContain(NAME);
        HttpResponse<String> shown = reveal("truong.p1");
        assertThat(shown.body()).contains(NAME).contains(PHONE);

        // the handling officer who takes the case on may see it too
        complete("classify-case", "tiepdan.p1", "competent", true);
        var initial = taskService.createTaskQuery().processInstanceBusinessKey(receipt.trackingCode())
                .taskDefinitionKey("initial-handling").singleResult();
        taskService.claim(initial.getId(), "xuly.p1");
        taskService.complete(initial.getId(), java.util.Map.of("accepted", true));
        assertThat(reveal("xuly.p1").body()).contains(NAME);
        assertThat(reveal("xuly.cd").statusCode()).as("another commune's officer").isEqualTo(403);

        List<String> readers = jdbc.queryForList("select accessed_by from identity_access where case_id = ? order by id",
                String.class, denunciation.id());
        assertThat(readers).containsExactly("truong.p1", "xuly.p1");
    }

    @Test
    void theBpmnNamesTheStepsWhoseAssigneeSeesTheDenouncer() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("denunciation")
                .latestVersion().singleResult().getId();
        assertThat(access.markedSteps(definition))
                .containsExactlyInAnyOrder("initial-handling", "verify-denunciation", "draft-conclusion", "decide-continuation",
                        "notify-acceptance");
    }

    @Test
    void itIsNeverAProcessVariableSoCockpitAndEngineRestCannotShowIt() {
        for (String path : List.of("/engine-rest/variable-instance?maxResults=100000",
                "/engine-rest/history/variable-instance?maxResults=100000",
                "/engine-rest/history/detail?maxResults=100000",
                "/engine-rest/process-instance?businessKey=" + receipt.trackingCode())) {
            HttpResponse<String> r = WebSession.basic(port, "GET", path, "quantri", DemoUsers.PASSWORD, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain(NAME).doesNotContain(PHONE);
        }
    }

    @Test
    void theCitizenTrackingViewExportsAndLogsNeverCarryIt(CapturedOutput output) {
        HttpResponse<String> tracked = new WebSession(port).getJson("/api/public/cases/" + receipt.trackingCode());
        assertThat(tracked.body()).doesNotContain(NAME);
        WebSession auditor = new WebSession(port);
        auditor.signIn("kiemtoan", DemoUsers.PASSWORD);
        String export = auditor.get("/cases/export.csv").body();
        assertThat(export).contains(receipt.trackingCode()).doesNotContain(NAME).doesNotContain(PHONE);
        reveal("truong.p1");
        assertThat(output.getAll()).doesNotContain(NAME).doesNotContain(PHONE);
    }

    @Test
    void thePeoplesInspectionBoardSeesTheCommunesCasesAndCommentsOnThem() {
        WebSession board = new WebSession(port);
        board.signIn("ttnd.p1", DemoUsers.PASSWORD);
        assertThat(board.get("/cases").body()).contains(receipt.trackingCode());
        String token = csrf(board.get("/cases/" + receipt.trackingCode()).body());
        board.postForm("/cases/" + receipt.trackingCode() + "/notes", "text=Đề+nghị+xử+lý+đúng+hạn&_csrf=" + token);
        assertThat(jdbc.queryForObject("select visibility from case_note where case_id = ? and author = 'ttnd.p1'",
                String.class, denunciation.id())).isEqualTo("SUPERVISION");
        WebSession otherBoard = new WebSession(port);
        otherBoard.signIn("ttnd.cd", DemoUsers.PASSWORD);
        assertThat(otherBoard.get("/cases/" + receipt.trackingCode()).statusCode()).isEqualTo(403);
        assertThat(otherBoard.get("/cases").body()).doesNotContain(receipt.trackingCode());
    }

    private String page(String user) {
        WebSession session = new WebSession(port);
        session.signIn(user, DemoUsers.PASSWORD);
        HttpResponse<String> r = session.get("/cases/" + receipt.trackingCode());
        assertThat(r.statusCode()).as(user).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> reveal(String user) {
        WebSession session = new WebSession(port);
        session.signIn(user, DemoUsers.PASSWORD);
        String token = csrf(session.get("/").body());
        return session.postForm("/cases/" + receipt.trackingCode() + "/identity", "_csrf=" + token);
    }

    private void complete(String taskKey, String user, String name, Object value) {
        var task = taskService.createTaskQuery().processInstanceBusinessKey(receipt.trackingCode())
                .taskDefinitionKey(taskKey).singleResult();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), java.util.Map.of(name, value));
    }

    private static String csrf(String html) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
