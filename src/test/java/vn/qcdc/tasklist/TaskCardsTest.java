package vn.qcdc.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.net.http.HttpResponse;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** Every task says which case it is and states its own due date, kept in step when the due date moves. */
@QcdcTest
class TaskCardsTest {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    CaseIntake intake;

    @Test
    void aCaseTaskCarriesItsCardAndItsDueDay() {
        Task task = taskService.createTaskQuery().processDefinitionKey("citizen-case").taskDefinitionKey("classify-case")
                .processVariableValueNotEquals("kind", "DENUNCIATION").taskCandidateGroup(DemoUsers.COMMUNE_A + ":reception-officer")
                .orderByTaskCreateTime().desc().listPage(0, 1).get(0);
        String code = (String) runtimeService.getVariable(task.getProcessInstanceId(), "caseCode");
        String title = (String) runtimeService.getVariable(task.getProcessInstanceId(), "title");
        String unit = (String) runtimeService.getVariable(task.getProcessInstanceId(), "unitName");
        assertThat((String) taskService.getVariableLocal(task.getId(), TaskCards.CARD))
                .startsWith(code + " · ").contains(title.length() > 70 ? title.substring(0, 70) : title).endsWith(" · " + unit);
        assertThat(formVariablesAs("tiepdan.p1", task.getId()).body())
                .contains("\"dueText\":{\"type\":\"String\",\"value\":\"" + day(task.getDueDate()) + "\"");

        // an extension moves the due date: the form states the new one, and nothing of it is stored
        Date later = Date.from(task.getDueDate().toInstant().plusSeconds(5 * 86_400));
        task.setDueDate(later);
        taskService.saveTask(task);
        assertThat(formVariablesAs("tiepdan.p1", task.getId()).body()).contains("\"value\":\"" + day(later) + "\"");
        assertThat(taskService.getVariableLocal(task.getId(), FormDueText.DUE_TEXT)).isNull();
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), FormDueText.DUE_TEXT)).isNull();
        // through Tasklist's own API too; another commune's officer gets the engine's refusal and no due date
        HttpResponse<String> tasklist = WebSession.basic(port, "GET", "/camunda/api/engine/engine/default/task/"
                + task.getId() + "/form-variables", "tiepdan.p1", DemoUsers.PASSWORD, null);
        assertThat(tasklist.body()).contains(day(later));
        HttpResponse<String> other = formVariablesAs("tiepdan.cd", task.getId());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("dueText");
    }

    private HttpResponse<String> formVariablesAs(String user, String taskId) {
        return WebSession.basic(port, "GET", "/engine-rest/task/" + taskId + "/form-variables", user, DemoUsers.PASSWORD,
                null);
    }

    @Test
    void aDenunciationsCardNeverCarriesTheDenouncersWords() {
        String code = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.IN_PERSON, DemoUsers.COMMUNE_A,
                "Tôi, Trương Văn Kín, tố cáo cán bộ", "Nội dung", "Trương Văn Kín", "Ấp 3", "0911111111", false, null,
                null), "test").trackingCode();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        assertThat((String) taskService.getVariableLocal(task.getId(), TaskCards.CARD)).startsWith(code)
                .doesNotContain("Kín");
    }

    private static String day(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZoneId.of("Asia/Ho_Chi_Minh")).format(DAY);
    }
}
