package vn.qcdc.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.rules.WorkingDayCalendar;
import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/**
 * An officer's day in a real Tasklist: only what they start by hand is offered, dates and the footer are in
 * Vietnamese time wherever the browser runs, each task states its deadline in working days, and the English
 * Tasklist shows our own texts in English.
 */
@QcdcTest
class TasklistDayBrowserTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    Clock clock;

    private static WebDriverWait waitIn(Browser browser) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    }

    private static void shot(Browser browser, String name) throws Exception {
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/" + name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(Path.of("target/screenshots/" + name + ".html"), browser.driver.getPageSource());
    }

    @Test
    void anOfficerIsOfferedOnlyWhatTheyStartByHandAndNoFreeStandingTask() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("thuky.hg", DemoUsers.PASSWORD);
            browser.open(TASKLIST);
            browser.waitFor(By.cssSelector(".start-process-action a"));
            assertThat(browser.driver.findElements(By.cssSelector(".create-task-action")))
                    .allSatisfy(e -> assertThat(e.isDisplayed()).as("Tạo công việc").isFalse());
            browser.driver.findElement(By.cssSelector(".start-process-action a")).click();
            browser.waitForText("Sơ kết, tổng kết thực hiện Quy chế dân chủ ở cơ sở");
            String offered = browser.driver.findElement(By.cssSelector(".modal-content")).getText();
            shot(browser, "tasklist-start-offers");
            assertThat(offered).contains("Mở đợt kiểm điểm tự phê bình trước nhân dân")
                    .doesNotContain("Lịch mở kỳ sơ kết, tổng kết").doesNotContain("Báo việc quá hạn theo bậc giám sát")
                    .doesNotContain("Nhắc tổ chức đối thoại");
        }
        try (Browser browser = new Browser(port)) {
            browser.signIn("quantri", DemoUsers.PASSWORD);
            browser.open(TASKLIST);
            waitIn(browser).until(d -> d.findElements(By.cssSelector(".create-task-action")).stream()
                    .anyMatch(WebElement::isDisplayed));
        }
    }

    @Test
    void datesAndTheFooterAreInVietnameseTimeWhereverTheBrowserRuns() throws Exception {
        try (Browser browser = new Browser(port, "vi", "America/New_York")) {
            browser.signIn("tiepdan.p1", DemoUsers.PASSWORD);
            browser.open(TASKLIST);
            browser.waitFor(By.cssSelector("#footer-timezone"));
            assertThat(browser.driver.executeScript("return new Date(2026, 11, 7).getTimezoneOffset();"))
                    .as("the browser runs in New York").isEqualTo(300L);
            waitIn(browser).until(d -> d.findElement(By.id("footer-timezone")).getText().contains("Asia/Ho_Chi_Minh"));
            shot(browser, "tasklist-footer-elsewhere");
            assertThat(browser.driver.findElement(By.id("footer-timezone")).getText())
                    .contains("Ngày và giờ được hiển thị theo múi giờ").doesNotContain("America");
            // Tasklist's own date filter, as every date of the list, the task and its history goes through it
            Object shown = browser.driver.executeScript("return angular.element(document.body).injector()"
                    + ".get('$filter')('camDate')('2026-12-07T10:00:00.000+0700');");
            assertThat(shown).isEqualTo("07/12/2026 10:00");
        }
    }

    @Test
    void eachTaskOfTheListStatesItsDeadlineInWorkingDays() throws Exception {
        intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, DemoUsers.COMMUNE_A, "Hạn trong danh sách",
                "Nội dung", "Công dân", "Ấp 1", "0900000000", false, null, null), "test");
        try (Browser browser = new Browser(port)) {
            browser.signIn("tiepdan.p1", DemoUsers.PASSWORD);
            browser.open(TASKLIST);
            browser.waitForText(TasklistBrowserTest.MY_UNIT);
            browser.driver.findElement(By.partialLinkText(TasklistBrowserTest.MY_UNIT)).click();
            // each visible card: its task id and the words on its first line
            String script = "return Array.from(document.querySelectorAll('li.task')).map(li => [li.querySelector("
                    + "'a[href*=\"task=\"]').getAttribute('href').replace(/.*task=/, ''), (li.querySelector("
                    + "'.dates .qcdc-deadline') || {}).textContent || '']);";
            try {
                waitIn(browser).until(d -> {
                    List<?> cards = (List<?>) browser.driver.executeScript(script);
                    return !cards.isEmpty() && cards.stream().allMatch(c -> !((List<?>) c).get(1).toString().isBlank());
                });
            } finally {
                shot(browser, "tasklist-deadline-words");
            }
            List<?> cards = (List<?>) browser.driver.executeScript(script);
            assertThat(cards).hasSizeGreaterThan(1);
            for (Object card : cards) {
                String id = ((List<?>) card).get(0).toString();
                assertThat(((List<?>) card).get(1)).as(id).isEqualTo(expectedWords(id));
            }
            assertThat(browser.driver.findElement(By.cssSelector("li.task .dates .qcdc-deadline")).getDomAttribute("title"))
                    .startsWith("Hạn xử lý: ");
        }
    }

    /** What the working-day calendar says of the task's deadline, as the officer reads it. */
    private String expectedWords(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        LocalDate today = LocalDate.now(clock);
        LocalDate dueDay = LocalDate.ofInstant(task.getDueDate().toInstant(), clock.getZone());
        if (dueDay.isAfter(today)) {
            return "còn " + calendar.workingDaysAfter(today, dueDay) + " ngày làm việc";
        }
        if (dueDay.equals(today)) {
            return clock.instant().isAfter(task.getDueDate().toInstant()) ? "quá hạn hôm nay" : "hạn hôm nay";
        }
        int late = calendar.workingDaysAfter(dueDay, today);
        return late == 0 ? "đã quá hạn" : "quá hạn " + late + " ngày làm việc";
    }

    @Test
    void theEnglishTasklistShowsOurOwnTextsInEnglish() throws Exception {
        try (Browser browser = new Browser(port, "en", null)) {
            browser.signIn("tiepdan.p1", DemoUsers.PASSWORD);
            browser.open(TASKLIST);
            browser.waitForText("My unit's tasks");
            browser.driver.findElement(By.partialLinkText("My unit's tasks")).click();
            waitIn(browser).until(d -> String.valueOf(browser.driver.executeScript("return Array.from(document"
                    + ".querySelectorAll('.qcdc-deadline')).map(w => w.textContent).join('|');"))
                    .matches("((\\d+ working days? left|due today|overdue.*)\\|?)+"));
            shot(browser, "tasklist-en");
            String filters = browser.driver.findElement(By.cssSelector(".filters, [cam-tasklist-filters]")).getText();
            assertThat(filters).contains("My tasks", "My unit's tasks", "Due soon (3 days)", "Overdue")
                    .doesNotContain("Việc của", "Quá hạn", "Sắp đến hạn");
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Hồ sơ:")
                    .doesNotContain("ngày làm việc").doesNotContain("ngày trước").doesNotContain("ngày tới")
                    .doesNotContain("giây trước");
            assertThat(browser.driver.executeScript("return window.camTasklistConf.shortcuts.claimTask.description;"))
                    .isEqualTo("Claim the selected task");
        }
    }
}
