package vn.qcdc.selfcriticism;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.FormLists;
import org.camunda.spin.plugin.variable.value.JsonValue;
import java.util.List;

/** A citizen comments on a session notice in a real browser; the comment appears once a reception officer approves it. */
@QcdcTest
class SelfCriticismBrowserTest {

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
    CommentRateLimit rateLimit;

    @Test
    void aCitizensCommentIsPublishedAfterAReceptionOfficerApprovesIt() {
        rateLimit.clear();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        int year = today.getYear() + 1;
        runtimeService.startProcessInstanceByKey("selfcriticism-round", Map.of("year", year,
                "deadline", today.plusDays(60).toString(), "units", DemoUsers.COMMUNE_B, "openedBy", "thuky.hg"));
        long roundId = jdbc.queryForObject("select id from selfcriticism_round where round_year = ?", Long.class, year);
        long sessionId = store.sessionIdOf(roundId, DemoUsers.COMMUNE_B);
        Task plan = taskService.createTaskQuery().processDefinitionKey("selfcriticism-session")
                .taskDefinitionKey("plan-session").processVariableValueEquals("sessionId", sessionId).singleResult();
        taskService.complete(plan.getId(), Map.of("sessionDate", today.plusDays(9).toString(),
                "venue", "Nhà văn hóa khu vực 2", "officials", officials("truong.cd", "Chủ tịch UBND thị trấn")));
        String text = "Đề nghị Chủ tịch trả lời việc chậm cấp giấy chứng nhận quyền sử dụng đất";

        try (Browser browser = new Browser(port)) {
            browser.open("/portal/sessions/" + sessionId);
            browser.waitFor(By.id("sc-comment-form"));
            assertThat(browser.driver.findElement(By.id("sc-venue")).getText()).isEqualTo("Nhà văn hóa khu vực 2");
            assertThat(browser.driver.findElement(By.id("sc-officials")).getText()).contains("Bùi Văn Khoa");
            browser.driver.findElement(By.cssSelector("#officialId option:nth-child(2)")).click();
            browser.driver.findElement(By.id("body")).sendKeys(text);
            browser.driver.findElement(By.id("authorName")).sendKeys("Nguyễn Văn Sáu");
            click(browser, By.id("sc-comment-submit"));
            browser.waitFor(By.id("sc-sent"));
            assertThat(browser.driver.findElement(By.id("sc-approved")).getText()).doesNotContain(text);

            browser.signIn("tiepdan.cd", DemoUsers.PASSWORD);
            browser.open("/selfcriticism/moderation");
            browser.waitFor(By.id("sc-session-" + sessionId));
            WebElement pending = browser.driver.findElement(By.id("sc-session-" + sessionId))
                    .findElement(By.cssSelector(".sc-pending"));
            assertThat(pending.getText()).contains(text);
            click(browser, pending.findElement(By.cssSelector(".sc-approve")));
            browser.waitFor(By.id("sc-done"));

            browser.open("/portal/sessions/" + sessionId);
            browser.waitFor(By.id("sc-approved"));
            String approved = browser.driver.findElement(By.id("sc-approved")).getText();
            assertThat(approved).contains(text, "Nguyễn Văn Sáu", "Bùi Văn Khoa");
        }
    }

    private static void click(Browser browser, By by) {
        click(browser, browser.driver.findElement(by));
    }

    private static void click(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** The plan form's list of officials: user id, title, user id, title, … */
    static JsonValue officials(String... userIdsAndTitles) {
        return FormLists.json(FormLists.rows(List.of("userId", "title"), userIdsAndTitles));
    }
}
