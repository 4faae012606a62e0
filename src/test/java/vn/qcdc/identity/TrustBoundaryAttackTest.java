package vn.qcdc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.petitions.CaseIntake;
import vn.qcdc.petitions.CaseKind;
import vn.qcdc.petitions.CaseRepository;
import vn.qcdc.petitions.CitizenCase;
import vn.qcdc.petitions.Channel;
import vn.qcdc.petitions.Submission;
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
