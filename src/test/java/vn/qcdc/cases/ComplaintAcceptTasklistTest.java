package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.TasklistForm;

/**
 * The unit head's acceptance form in a real Tasklist: ticking "Thụ lý", unticking it, leaving the refusal ground
 * empty and ticking "Thụ lý" again leaves nothing to fix, and Complete completes.
 */
@QcdcTest
class ComplaintAcceptTasklistTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void completeDoesNotStickAfterTheRefusalGroundWasShownAndHiddenAgain() throws Exception {
        Receipt r = intake.submit(Submission.of(CaseKind.COMPLAINT, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "Khiếu nại quyết định xử phạt", "Nội dung", "Trần Văn Khiếu", "Ấp 1", "0900000000", false, null, null),
                "test");
        Task classify = taskService.createTaskQuery().processVariableValueEquals("caseCode", r.trackingCode())
                .taskDefinitionKey("classify-case").singleResult();
        taskService.complete(classify.getId(), Map.of("competent", true, "remoteArea", false));
        Task accept = taskService.createTaskQuery().processVariableValueEquals("caseCode", r.trackingCode())
                .taskDefinitionKey("accept-complaint").singleResult();

        taskService.setAssignee(accept.getId(), "truong.p1");
        try (Browser browser = new Browser(port)) {
            TasklistForm form = new TasklistForm(browser).openAs("truong.p1", accept.getId());
            // the form states this task's own due date, added as Tasklist fetches the form's variables
            String due = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                    .format(accept.getDueDate().toInstant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
            form.wait.until(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains(due));
            By accepted = By.cssSelector(".fjs-form-field-checkbox input[type=checkbox]");
            // the form opens with "Thụ lý" ticked: untick it
            form.wait.until(d -> form.field("Thụ lý giải quyết").findElement(accepted).isSelected());
            form.click(form.field("Thụ lý giải quyết").findElement(accepted));
            // the refusal ground shows; open its list and leave it empty
            WebElement ground = form.field("Lý do không thụ lý");
            ground.findElement(By.cssSelector(".fjs-select-display, input")).click();
            form.field("Tiêu đề đơn").findElement(By.cssSelector("label")).click();
            form.click(form.field("Thụ lý giải quyết").findElement(accepted));
            form.wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-select")).isEmpty());
            form.shot("accept-form-ticked-again");
            form.complete(taskService);
        }
        // accepted: the case has gone on to verification
        assertThat(cases.findByCode(r.trackingCode()).orElseThrow().status()).isNotEqualTo(CaseStatus.REFUSED);
        assertThat(taskService.createTaskQuery().processVariableValueEquals("caseCode", r.trackingCode())
                .taskDefinitionKey("verify-complaint").count()).isEqualTo(1);
        // the title and text the form only shows were not sent back: written once, when the process started
        assertThat(historyService.createHistoricDetailQuery().variableUpdates().processInstanceId(accept.getProcessInstanceId())
                .list().stream().map(d -> ((HistoricVariableUpdate) d).getVariableName())
                .filter(name -> name.equals("title") || name.equals("content")).toList())
                .containsExactlyInAnyOrder("title", "content");
    }
}
