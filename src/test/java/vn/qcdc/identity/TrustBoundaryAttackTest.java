package vn.qcdc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.CitizenCase;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * The attacks an officer inside the network made on the engine's doors, as they were made: each one is
 * refused with a message and changes nothing.
 */
@QcdcTest
class TrustBoundaryAttackTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;

    CitizenCase ownCase;
    CitizenCase otherCommunesCase;
    Task ownTask;

    @BeforeEach
    void aPetitionInEachCommune() {
        ownCase = petitionIn(DemoUsers.COMMUNE_A);
        otherCommunesCase = petitionIn(DemoUsers.COMMUNE_B);
        ownTask = taskService.createTaskQuery().processInstanceId(ownCase.processInstanceId()).singleResult();
    }

    private CitizenCase petitionIn(String unit) {
        var receipt = intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, unit, "Đường ngập nước",
                "Đường trước nhà ngập khi mưa.", "Công dân", "Ấp 1", "0900000000", false, null, null), "test");
        return cases.findByCode(receipt.trackingCode()).orElseThrow();
    }

    @Test
    void completingOnesOwnTaskWithAnotherCasesIdIsRefusedAndChangesNothing() {
        String body = "{\"variables\": {\"competent\": {\"value\": true}, \"caseId\": {\"value\": "
                + otherCommunesCase.id() + ", \"type\": \"Long\"}}}";
        HttpResponse<String> complete = WebSession.basic(port, "POST", "/engine-rest/task/" + ownTask.getId() + "/complete",
                "tiepdan.p1", DemoUsers.PASSWORD, body);
        assertRefused(complete, 400, "caseId");
        assertNothingChanged();
    }

    @Test
    void aVariableOutsideTheTasksFormIsRefused() {
        HttpResponse<String> complete = WebSession.basic(port, "POST", "/engine-rest/task/" + ownTask.getId() + "/complete",
                "tiepdan.p1", DemoUsers.PASSWORD,
                "{\"variables\": {\"competent\": {\"value\": true}, \"forwardedQuietly\": {\"value\": \"x\"}}}");
        assertRefused(complete, 400, "forwardedQuietly");
        assertNothingChanged();
    }

    @Test
    void theUnitCannotBeMovedThroughAFormOrTheWebappsApi() {
        WebSession session = new WebSession(port);
        session.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        HttpResponse<String> submit = session.camunda("POST",
                "/camunda/api/engine/engine/default/task/" + ownTask.getId() + "/submit-form",
                "{\"variables\": {\"competent\": {\"value\": true}, \"unitCode\": {\"value\": \"" + DemoUsers.COMMUNE_B + "\"}}}");
        assertRefused(submit, 400, "unitCode");
        assertNothingChanged();
    }

    @Test
    void aFieldTheFormShowsReadOnlyMustComeBackUnchanged() {
        HttpResponse<String> changed = WebSession.basic(port, "POST", "/engine-rest/task/" + ownTask.getId() + "/complete",
                "tiepdan.p1", DemoUsers.PASSWORD,
                "{\"variables\": {\"competent\": {\"value\": false}, \"title\": {\"value\": \"Đã sửa\"}}}");
        assertRefused(changed, 400, "title");
        assertNothingChanged();

        // as Tasklist sends it: the read-only fields as shown, unchanged
        HttpResponse<String> asShown = WebSession.basic(port, "POST", "/engine-rest/task/" + ownTask.getId() + "/complete",
                "tiepdan.p1", DemoUsers.PASSWORD, "{\"variables\": {\"competent\": {\"value\": true}, \"title\": {\"value\": \""
                        + ownCase.title() + "\"}, \"multiSite\": {\"value\": false}, \"remoteArea\": {\"value\": false}}}");
        assertThat(asShown.statusCode()).as(asShown.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(ownTask.getId()).count()).isZero();
    }

    @Test
    void variablesCannotBeWrittenDirectly() {
        HttpResponse<String> put = WebSession.basic(port, "PUT",
                "/engine-rest/task/" + ownTask.getId() + "/variables/caseId", "tiepdan.p1", DemoUsers.PASSWORD,
                "{\"value\": " + otherCommunesCase.id() + ", \"type\": \"Long\"}");
        assertRefused(put, 403, null);
        HttpResponse<String> modify = WebSession.basic(port, "POST", "/engine-rest/task/" + ownTask.getId() + "/variables",
                "tiepdan.p1", DemoUsers.PASSWORD, "{\"modifications\": {\"unitCode\": {\"value\": \"" + DemoUsers.COMMUNE_B
                        + "\"}}, \"deletions\": [\"caseCode\"]}");
        assertRefused(modify, 403, null);
        HttpResponse<String> delete = WebSession.basic(port, "DELETE",
                "/engine-rest/task/" + ownTask.getId() + "/variables/caseCode", "tiepdan.p1", DemoUsers.PASSWORD, null);
        assertRefused(delete, 403, null);
        assertNothingChanged();
    }

    @Test
    void evenAnAdministratorCannotChangeWhatIdentifiesACase() {
        HttpResponse<String> put = WebSession.basic(port, "PUT",
                "/engine-rest/process-instance/" + ownCase.processInstanceId() + "/variables/unitCode", "quantri",
                DemoUsers.PASSWORD, "{\"value\": \"" + DemoUsers.COMMUNE_B + "\"}");
        assertRefused(put, 403, "unitCode");
        assertNothingChanged();
    }

    @Test
    void theRefusalSpeaksEnglishWhenAsked() {
        HttpResponse<String> complete = WebSession.basic(port, "POST", "/engine-rest/task/" + ownTask.getId() + "/complete",
                "tiepdan.p1", DemoUsers.PASSWORD, "{\"variables\": {\"evil\": {\"value\": 1}}}", "en");
        assertThat(complete.statusCode()).isEqualTo(400);
        assertThat(complete.body()).contains("This task's form has no field evil").doesNotContain("Cannot complete");
    }

    @Test
    void theAuditorWritesNothingThroughAnyDoor() {
        String task = ownTask.getId();
        String instance = ownCase.processInstanceId();
        String job = managementService.createJobQuery().processInstanceId(instance).list().get(0).getId();
        String multipart = "--qcdc\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nx\r\n"
                + "--qcdc\r\nContent-Disposition: form-data; name=\"content\"; filename=\"x.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nx\r\n--qcdc--\r\n";
        List<String[]> writes = List.of(
                new String[] {"POST", "/task/" + task + "/comment/create", "{\"message\": \"kiểm toán ghi\"}"},
                new String[] {"POST", "/task/" + task + "/claim", "{\"userId\": \"kiemtoan\"}"},
                new String[] {"POST", "/task/" + task + "/complete", "{}"},
                new String[] {"POST", "/task/" + task + "/submit-form", "{}"},
                new String[] {"PUT", "/task/" + task + "/variables/note", "{\"value\": \"x\"}"},
                new String[] {"POST", "/task/" + task + "/identity-links", "{\"userId\": \"kiemtoan\", \"type\": \"candidate\"}"},
                new String[] {"PUT", "/task/" + task, "{\"name\": \"đổi tên\"}"},
                new String[] {"POST", "/task/create", "{\"id\": \"auditor-task\", \"name\": \"x\"}"},
                new String[] {"POST", "/signal", "{\"name\": \"any-signal\"}"},
                new String[] {"POST", "/message", "{\"messageName\": \"case-withdrawn\", \"businessKey\": \""
                        + ownCase.trackingCode() + "\"}"},
                new String[] {"PUT", "/process-instance/" + instance + "/variables/unitCode", "{\"value\": \"x\"}"},
                new String[] {"PUT", "/process-instance/" + instance + "/suspended", "{\"suspended\": true}"},
                new String[] {"POST", "/process-instance/" + instance + "/modification",
                        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"classify-case\"}]}"},
                new String[] {"DELETE", "/process-instance/" + instance, null},
                new String[] {"PUT", "/job/" + job + "/retries", "{\"retries\": 5}"},
                new String[] {"PUT", "/job/" + job + "/suspended", "{\"suspended\": true}"},
                new String[] {"POST", "/process-definition/key/reception-intake/start", "{}"},
                new String[] {"POST", "/decision-definition/key/case-routing/evaluate",
                        "{\"variables\": {\"kind\": {\"value\": \"PETITION\"}, \"round\": {\"value\": 1}}}"},
                new String[] {"POST", "/filter/create", "{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": {}}"},
                new String[] {"PUT", "/user/kiemtoan/profile", "{\"id\": \"kiemtoan\", \"firstName\": \"Đổi\"}"},
                new String[] {"PUT", "/user/kiemtoan/credentials",
                        "{\"password\": \"new-password-123\", \"authenticatedUserPassword\": \"" + DemoUsers.PASSWORD + "\"}"},
                new String[] {"DELETE", "/user/kiemtoan", null},
                new String[] {"POST", "/group/create", "{\"id\": \"auditors-own\", \"name\": \"x\"}"},
                new String[] {"POST", "/authorization/create", "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"kiemtoan\","
                        + " \"resourceType\": 0, \"resourceId\": \"*\"}"});
        for (String[] write : writes) {
            HttpResponse<String> answer = WebSession.basic(port, write[0], "/engine-rest" + write[1], "kiemtoan",
                    DemoUsers.PASSWORD, write[2]);
            assertThat(answer.statusCode()).as(write[0] + " " + write[1] + ": " + answer.body()).isEqualTo(403);
        }
        HttpResponse<String> attachment = WebSession.multipart(port, "/engine-rest/task/" + task + "/attachment/create",
                "kiemtoan", DemoUsers.PASSWORD, "qcdc", multipart);
        assertThat(attachment.statusCode()).as(attachment.body()).isEqualTo(403);

        WebSession cockpit = new WebSession(port);
        cockpit.signIn("kiemtoan", DemoUsers.PASSWORD);
        HttpResponse<String> webappComment = cockpit.camunda("POST",
                "/camunda/api/engine/engine/default/task/" + task + "/comment/create", "{\"message\": \"x\"}");
        assertThat(webappComment.statusCode()).as(webappComment.body()).isEqualTo(403);
        String page = cockpit.get("/cases/" + ownCase.trackingCode()).body();
        HttpResponse<String> note = cockpit.postForm("/cases/" + ownCase.trackingCode() + "/notes",
                "visibility=INTERNAL&text=x&_csrf=" + WebSession.csrfTokenOf(page));
        assertThat(note.statusCode()).isEqualTo(403);

        assertThat(taskService.getTaskComments(task)).isEmpty();
        assertThat(taskService.getTaskAttachments(task)).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(taskService.createTaskQuery().taskId("auditor-task").count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count()).isEqualTo(1);
        assertThat(identityService.createUserQuery().userId("kiemtoan").singleResult().getFirstName()).isNotEqualTo("Đổi");
        assertThat(identityService.checkPassword("kiemtoan", DemoUsers.PASSWORD)).isTrue();
        assertThat(identityService.createGroupQuery().groupId("auditors-own").count()).isZero();
        assertNothingChanged();
    }

    @Test
    void noUserDeletesOrRenamesTheirOwnAccount() {
        for (String[] write : List.of(new String[] {"DELETE", "/user/tiepdan.p1", null},
                new String[] {"PUT", "/user/tiepdan.p1/profile", "{\"id\": \"tiepdan.p1\", \"firstName\": \"Đổi\"}"})) {
            HttpResponse<String> answer = WebSession.basic(port, write[0], "/engine-rest" + write[1], "tiepdan.p1",
                    DemoUsers.PASSWORD, write[2]);
            assertThat(answer.statusCode()).as(write[0] + " " + write[1]).isEqualTo(403);
        }
        assertThat(identityService.createUserQuery().userId("tiepdan.p1").singleResult().getFirstName()).isNotEqualTo("Đổi");
    }

    @Test
    void officersSeeOnlyTheirUnitsUsersAndGroups() {
        String users = WebSession.basic(port, "GET", "/engine-rest/user?maxResults=10000", "tiepdan.p1", DemoUsers.PASSWORD,
                null).body();
        assertThat(users).contains("\"tiepdan.p1\"", "\"xuly.p1\"", "\"truong.p1\"")
                .doesNotContain("\"xuly.cd\"", "\"tiepdan.cd\"", "\"kiemtoan\"", "\"quantri\"", "\"thuky.hg\"");
        String groups = WebSession.basic(port, "GET", "/engine-rest/group?maxResults=10000", "tiepdan.p1",
                DemoUsers.PASSWORD, null).body();
        assertThat(groups).contains(DemoUsers.COMMUNE_A + ":handling-officer")
                .doesNotContain(DemoUsers.COMMUNE_B + ":").doesNotContain("\"auditor\"");
        String members = WebSession.basic(port, "GET", "/engine-rest/user?memberOfGroup=" + DemoUsers.COMMUNE_B
                + ":handling-officer", "tiepdan.p1", DemoUsers.PASSWORD, null).body();
        assertThat(members).doesNotContain("xuly.cd");
    }

    @Test
    void aSecretaryOpensWorkOnlyForUnitsWithinTheirOwn() {
        String round = "{\"variables\": {\"year\": {\"value\": 2019, \"type\": \"Integer\"}, \"deadline\": {\"value\": \""
                + java.time.LocalDate.now().plusDays(30) + "\"}, \"units\": {\"value\": \"" + DemoUsers.COMMUNE_B + "\"}}}";
        HttpResponse<String> foreign = WebSession.basic(port, "POST",
                "/engine-rest/process-definition/key/selfcriticism-round/submit-form", "thuky.p1", DemoUsers.PASSWORD, round);
        assertRefused(foreign, 400, DemoUsers.COMMUNE_B);
        assertThat(foreign.body()).contains("đơn vị cấp trên");
        HttpResponse<String> wholeProvince = WebSession.basic(port, "POST",
                "/engine-rest/process-definition/key/periodic-review/submit-form", "thuky.p1", DemoUsers.PASSWORD,
                "{\"variables\": {\"year\": {\"value\": 2019, \"type\": \"Integer\"}, \"period\": {\"value\": \"ANNUAL\"}}}");
        assertRefused(wholeProvince, 400, null);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("selfcriticism-round").variableValueEquals("year", 2019)
                .count()).isZero();
    }

    private void assertRefused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("Cannot ").doesNotContain("at org.")
                .doesNotContain("⟦");
        if (field != null) {
            assertThat(response.body()).contains(field);
        }
    }

    private void assertNothingChanged() {
        CitizenCase own = cases.findByCode(ownCase.trackingCode()).orElseThrow();
        CitizenCase other = cases.findByCode(otherCommunesCase.trackingCode()).orElseThrow();
        assertThat(own.status()).isEqualTo(ownCase.status());
        assertThat(own.unitCode()).isEqualTo(DemoUsers.COMMUNE_A);
        assertThat(other.status()).isEqualTo(otherCommunesCase.status());
        assertThat(other.unitCode()).isEqualTo(DemoUsers.COMMUNE_B);
        assertThat(other.closedAt()).isNull();
        assertThat(taskService.createTaskQuery().taskId(ownTask.getId()).count()).isEqualTo(1);
        Map<String, Object> variables = runtimeService.getVariables(ownCase.processInstanceId());
        assertThat(variables).containsEntry("caseId", ownCase.id()).containsEntry("unitCode", DemoUsers.COMMUNE_A)
                .containsEntry("caseCode", ownCase.trackingCode()).containsEntry("title", ownCase.title())
                .doesNotContainKey("forwardedQuietly").doesNotContainKey("evil");
    }
}
