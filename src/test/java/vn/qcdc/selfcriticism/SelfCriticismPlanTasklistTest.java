package vn.qcdc.selfcriticism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.rules.DeadlineService;
import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/**
 * The session plan in a real Tasklist: the officials are rows of a form-js dynamic list, each picked from the
 * unit's officers and given a title; a second row is added with the list's own button. Nobody types a code.
 */
@QcdcTest
class SelfCriticismPlanTasklistTest {

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

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theUnitHeadPicksTheOfficialsFromTheUnitsOfficersInTasklist() throws Exception {
        // a year no other test opens a round for: the engine clock moves there
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(Duration.ofDays(5 * 366))));
        LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), deadlines.zone());
        int year = today.getYear();
        runtimeService.startProcessInstanceByKey("selfcriticism-round", Map.of("year", year,
                "deadline", today.plusDays(60).toString(), "units", DemoUsers.COMMUNE_B, "openedBy", "thuky.hg"));
        long roundId = jdbc.queryForObject("select id from selfcriticism_round where round_year = ?", Long.class, year);
        long sessionId = store.sessionIdOf(roundId, DemoUsers.COMMUNE_B);
        Task plan = taskService.createTaskQuery().processDefinitionKey("selfcriticism-session")
                .taskDefinitionKey("plan-session").processVariableValueEquals("sessionId", sessionId).singleResult();
        taskService.setAssignee(plan.getId(), "truong.cd");
        // the date picker is issue 16's; here the date and venue come prefilled and the officials are entered
        runtimeService.setVariable(plan.getExecutionId(), "sessionDate", today.plusDays(9).toString());
        runtimeService.setVariable(plan.getExecutionId(), "venue", "Nhà văn hóa khu vực 3");

        try (Browser browser = new Browser(port)) {
            browser.signIn("truong.cd", DemoUsers.PASSWORD);
            browser.open("/camunda/app/tasklist/default/#/?task=" + plan.getId());
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            try {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-dynamiclist")));
            } catch (RuntimeException e) {
                shot(browser, "plan-form-missing");
                throw e;
            }
            pick(browser, wait, 0, "Bùi Văn Khoa");
            title(browser, 0, "Chủ tịch UBND thị trấn");
            WebElement add = browser.driver.findElement(By.cssSelector(".fjs-form-field-dynamiclist .fjs-repeat-render-add"));
            wait.until(d -> add.getText().contains("Thêm dòng"));
            click(browser, add);
            wait.until(d -> rows(browser).size() == 2);
            pick(browser, wait, 1, "Đỗ Thị Linh");
            // a row left half filled: completing shows form-js's own message and completes nothing
            wait.until(d -> completeButton(browser).isEnabled());
            click(browser, completeButton(browser));
            browser.waitForText("Vui lòng nhập trường này.");
            assertThat(taskService.createTaskQuery().taskId(plan.getId()).count()).isOne();
            title(browser, 1, "Phó Chủ tịch UBND thị trấn");
            shot(browser, "plan-form-filled");
            wait.until(d -> completeButton(browser).isEnabled());
            click(browser, completeButton(browser));
            try {
                wait.until(d -> taskService.createTaskQuery().taskId(plan.getId()).count() == 0);
            } catch (RuntimeException e) {
                shot(browser, "plan-form-not-completed");
                throw e;
            }
        }
        assertThat(store.officials(sessionId)).extracting(SelfCriticismStore.Official::userId, SelfCriticismStore.Official::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("truong.cd", "Chủ tịch UBND thị trấn"),
                        org.assertj.core.groups.Tuple.tuple("giamsat.cd", "Phó Chủ tịch UBND thị trấn"));
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.driver.findElements(By.cssSelector(".fjs-form-field-dynamiclist .fjs-repeat-row-container"));
    }

    private static void pick(Browser browser, WebDriverWait wait, int row, String name) {
        WebElement select = rows(browser).get(row).findElement(By.cssSelector(".fjs-form-field-select"));
        List<WebElement> display = select.findElements(By.cssSelector(".fjs-select-display, input"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", display.get(0));
        display.get(0).click();
        wait.until(d -> select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .anyMatch(i -> i.getText().contains(name)));
        WebElement item = select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(i -> i.getText().contains(name)).findFirst().orElseThrow();
        // form-js picks on mouse down, before a click would land
        new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(item).click().perform();
    }

    /** Tasklist's fixed footer and its notices cover the bottom of a long form: click the element itself. */
    private static void click(Browser browser, WebElement element) {
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private static void title(Browser browser, int row, String title) {
        // leaving the field, as a user does, hands form-js its debounced value
        rows(browser).get(row).findElement(By.cssSelector(".fjs-form-field-textfield input"))
                .sendKeys(title, org.openqa.selenium.Keys.TAB);
    }

    private static WebElement completeButton(Browser browser) {
        return browser.driver.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().trim().equals("Hoàn thành")).findFirst()
                .orElseThrow(() -> new AssertionError("no Complete button"));
    }

    private static void shot(Browser browser, String name) throws Exception {
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/" + name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(Path.of("target/screenshots/" + name + ".html"), browser.driver.getPageSource());
    }
}
