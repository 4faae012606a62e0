package vn.qcdc.selfcriticism;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.rules.DeadlineService;
import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FormLists;
import vn.qcdc.support.ProcessSteps;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.TasklistForm;

/**
 * The session plan and its minutes in a real Tasklist: officials, responses and commitments are rows of form-js
 * dynamic lists; people are picked from the unit's officers (the plan), the session's officials and who carries a
 * commitment out (the minutes); a second row is added with the list's own button. Nobody types a code.
 */
@QcdcTest
class SelfCriticismTasklistFormsTest implements ProcessSteps {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    SelfCriticismStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadlineService deadlines;
    @Autowired
    ProcessEngine engine;

    @Override
    public ProcessEngine engine() {
        return engine;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theUnitHeadPicksTheOfficialsFromTheUnitsOfficersInTasklist() throws Exception {
        long sessionId = openSession(5);
        LocalDate today = today();
        Task plan = taskService.createTaskQuery().processDefinitionKey("selfcriticism-session")
                .taskDefinitionKey("plan-session").processVariableValueEquals("sessionId", sessionId).singleResult();
        taskService.setAssignee(plan.getId(), "truong.cd");
        // the date picker is issue 16's; here the date and venue come prefilled and the officials are entered
        runtimeService.setVariable(plan.getExecutionId(), "sessionDate", today.plusDays(9).toString());
        runtimeService.setVariable(plan.getExecutionId(), "venue", "Nhà văn hóa khu vực 3");

        try (Browser browser = new Browser(port)) {
            browser.signIn("truong.cd", DemoUsers.PASSWORD);
            TasklistForm form = new TasklistForm(browser).open(plan.getId());
            official(form, 0, "Bùi Văn Khoa");
            title(form, 0, "Chủ tịch UBND thị trấn");
            WebElement add = browser.driver.findElement(By.cssSelector(".fjs-form-field-dynamiclist .fjs-repeat-render-add"));
            form.wait.until(d -> add.getText().contains("Thêm dòng"));
            form.click(add);
            form.wait.until(d -> form.rows().size() == 2);
            official(form, 1, "Đỗ Thị Linh");
            // a row left half filled: completing shows form-js's own message and completes nothing
            form.complete();
            browser.waitForText("Vui lòng nhập trường này.");
            assertThat(taskService.createTaskQuery().taskId(plan.getId()).count()).isOne();
            title(form, 1, "Phó Chủ tịch UBND thị trấn");
            form.shot("plan-form-filled");
            form.complete();
            try {
                form.wait.until(d -> taskService.createTaskQuery().taskId(plan.getId()).count() == 0);
            } catch (RuntimeException e) {
                form.shot("plan-form-not-completed");
                throw e;
            }
        }
        assertThat(store.officials(sessionId)).extracting(SelfCriticismStore.Official::userId, SelfCriticismStore.Official::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("truong.cd", "Chủ tịch UBND thị trấn"),
                        org.assertj.core.groups.Tuple.tuple("giamsat.cd", "Phó Chủ tịch UBND thị trấn"));
    }

    @Test
    void theSecretaryRecordsResponsesAndCommitmentsInTasklist() throws Exception {
        long sessionId = openSession(6);
        LocalDate today = today();
        ProcessInstance session = runtimeService.createProcessInstanceQuery().processDefinitionKey("selfcriticism-session")
                .variableValueEquals("sessionId", sessionId).singleResult();
        LocalDate day = today.plusDays(10);
        complete(tasks(session, "plan-session").get(0), "sessionDate", day.toString(), "venue", "Hội trường",
                "officials", FormLists.json(FormLists.rows(List.of("userId", "title"),
                        "truong.cd", "Chủ tịch UBND thị trấn", "giamsat.cd", "Phó Chủ tịch UBND thị trấn")));
        for (Task selfAssessment : tasks(session, "self-assess")) {
            complete(selfAssessment, "selfAssessment", "Tự kiểm điểm");
        }
        ClockUtil.setCurrentTime(java.util.Date.from(day.atTime(8, 0).atZone(deadlines.zone()).toInstant()));
        fireTimer(session, "comment-period");
        Task minutes = tasks(session, "record-minutes").get(0);
        taskService.setAssignee(minutes.getId(), "thuky.cd");
        LocalDate due = day.plusDays(40);

        try (Browser browser = new Browser(port)) {
            browser.signIn("thuky.cd", DemoUsers.PASSWORD);
            TasklistForm form = new TasklistForm(browser).open(minutes.getId());
            WebElement responses = form.list("Tiếp thu, giải trình");
            // one row per official, each already naming its official
            form.wait.until(d -> responses.findElements(By.cssSelector(".fjs-repeat-row-container")).size() == 2);
            assertThat(responses.getText()).contains("Bùi Văn Khoa – Chủ tịch UBND thị trấn", "Đỗ Thị Linh – Phó Chủ tịch UBND thị trấn");
            form.type(browser.driver.findElements(By.cssSelector(".fjs-form-field-textarea")).stream()
                    .filter(f -> f.getText().startsWith("Thành phần tham dự")).findFirst().orElseThrow()
                    .findElement(By.tagName("textarea")), "30 người dân");
            WebElement first = responses.findElements(By.cssSelector(".fjs-repeat-row-container")).get(0);
            form.type(first.findElement(By.cssSelector("textarea")), "Tiếp thu, sửa trong quý");
            form.type(first.findElement(By.cssSelector(".fjs-form-field-textfield input")), "Tín nhiệm");

            WebElement commitments = form.list("Việc cần khắc phục");
            form.click(commitments.findElement(By.cssSelector(".fjs-repeat-render-add")));
            form.wait.until(d -> commitments.findElements(By.cssSelector(".fjs-repeat-row-container")).size() == 1);
            WebElement commitment = commitments.findElements(By.cssSelector(".fjs-repeat-row-container")).get(0);
            List<WebElement> selects = commitment.findElements(By.cssSelector(".fjs-form-field-select"));
            form.pick(selects.get(0), "Bùi Văn Khoa");
            form.type(commitment.findElement(By.cssSelector("textarea")), "Sửa đường hẻm 5");
            form.pick(selects.get(1), "Đặng Văn Hải");
            form.typeDate(commitment.findElement(By.cssSelector(".fjs-form-field-datetime input")), due);
            form.shot("minutes-form-filled");
            form.complete();
            try {
                form.wait.until(d -> taskService.createTaskQuery().taskId(minutes.getId()).count() == 0);
            } catch (RuntimeException e) {
                form.shot("minutes-form-not-completed");
                throw e;
            }
        }
        assertThat(store.officials(sessionId)).filteredOn(o -> o.userId().equals("truong.cd")).singleElement()
                .satisfies(o -> {
                    assertThat(o.response()).isEqualTo("Tiếp thu, sửa trong quý");
                    assertThat(o.peopleAssessment()).isEqualTo("Tín nhiệm");
                });
        assertThat(store.officials(sessionId)).filteredOn(o -> o.userId().equals("giamsat.cd")).singleElement()
                .extracting(SelfCriticismStore.Official::response).as("a row left empty records nothing").isNull();
        assertThat(store.actions(sessionId)).singleElement().satisfies(a -> {
            assertThat(a.body()).isEqualTo("Sửa đường hẻm 5");
            assertThat(a.owner()).isEqualTo("xuly.cd");
            assertThat(a.due()).isEqualTo(due);
        });
    }

    /**
     * A round for the demo's second commune in a year no other test opens one for (the engine clock moves that
     * many years ahead); its session's id.
     */
    private long openSession(int yearsAhead) {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(Duration.ofDays(yearsAhead * 366L))));
        LocalDate today = today();
        runtimeService.startProcessInstanceByKey("selfcriticism-round", Map.of("year", today.getYear(),
                "deadline", today.plusDays(60).toString(), "units", DemoUsers.COMMUNE_B, "openedBy", "thuky.hg"));
        long roundId = jdbc.queryForObject("select id from selfcriticism_round where round_year = ?", Long.class,
                today.getYear());
        return store.sessionIdOf(roundId, DemoUsers.COMMUNE_B);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.now().toInstant(), deadlines.zone());
    }

    private static void official(TasklistForm form, int row, String name) {
        form.pick(form.rows().get(row).findElement(By.cssSelector(".fjs-form-field-select")), name);
    }

    private static void title(TasklistForm form, int row, String title) {
        form.type(form.rows().get(row).findElement(By.cssSelector(".fjs-form-field-textfield input")), title);
    }
}
