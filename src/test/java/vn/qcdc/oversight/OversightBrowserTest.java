package vn.qcdc.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.cases.CaseRepository;
import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/** Phường I's supervisor finds the demo's overdue complaint on the board and gives it to the second reception officer. */
@QcdcTest
class OversightBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    vn.qcdc.cases.CaseIntake intake;

    @Test
    void theSupervisorReassignsTheOverdueComplaintWithAReason() throws Exception {
        var demoComplaint = cases.findByUnits(java.util.List.of(DemoUsers.COMMUNE_A), 100_000).stream()
                .filter(c -> c.title().equals("Khiếu nại quyết định thu hồi đất")
                        && c.receivedAt().isBefore(java.time.Instant.now().minus(10, java.time.temporal.ChronoUnit.DAYS)))
                .findFirst().orElseGet(this::fileTheDemoComplaint);
        String complaint = demoComplaint.trackingCode();
        // other tests in this context may have claimed it; the board is what is tested here, not their leftovers
        var open = taskService.createTaskQuery().processInstanceId(demoComplaint.processInstanceId()).singleResult();
        if (open.getAssignee() != null) {
            taskService.setAssignee(open.getId(), null);
        }
        open = taskService.createTaskQuery().taskId(open.getId()).singleResult();
        if (open.getDueDate() == null || open.getDueDate().after(new java.util.Date())) {
            open.setDueDate(java.util.Date.from(java.time.Instant.now().minus(2, java.time.temporal.ChronoUnit.DAYS)));
            taskService.saveTask(open);
        }
        try (Browser browser = new Browser(port)) {
            browser.signIn("giamsat.p1", DemoUsers.PASSWORD);
            browser.driver.findElement(By.cssSelector("#card-oversight a")).click();
            browser.waitFor(By.id("summary"));
            long before = unassignedOverdue(browser);
            assertThat(before).isPositive();
            WebElement row = browser.driver.findElement(By.cssSelector("tr[data-business-key='" + complaint + "']"));
            assertThat(row.getText()).contains("quá hạn");
            String taskId = row.getAttribute("data-task");
            String role = taskService.getIdentityLinksForTask(taskId).stream().map(l -> l.getGroupId())
                    .filter(g -> g != null && g.startsWith(DemoUsers.COMMUNE_A + ":")).findFirst().orElseThrow();
            String officer = role.endsWith(":reception-officer") ? "tiepdan2.p1"
                    : role.endsWith(":handling-officer") ? "xuly2.p1" : "truong2.p1";
            browser.driver.executeScript("arguments[0].click();", row.findElement(By.cssSelector("input.task-pick")));
            browser.driver.findElement(By.id("a-assignee")).sendKeys(officer);
            browser.driver.findElement(By.id("a-reason")).sendKeys("Cán bộ tiếp dân đi công tác");
            browser.driver.executeScript("arguments[0].click();", browser.driver.findElement(By.id("a-submit")));
            browser.waitFor(By.id("board-notice"));
            assertThat(browser.driver.findElement(By.id("board-notice")).getText()).contains("Đã giao lại 1 việc");
            assertThat(unassignedOverdue(browser)).isEqualTo(before - 1);
            assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(officer);
            assertThat(browser.driver.executeScript(
                    "return window.Chart && Chart.getChart(document.getElementById('on-time-chart')) != null;"))
                    .isEqualTo(true);
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/oversight.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    /** Where another test's context seeded the demo users without the demo cases: the same complaint, filed here. */
    private vn.qcdc.cases.CitizenCase fileTheDemoComplaint() {
        String code = intake.submit(new vn.qcdc.cases.Submission(vn.qcdc.cases.CaseKind.COMPLAINT,
                vn.qcdc.cases.Channel.IN_PERSON, DemoUsers.COMMUNE_A, "Khiếu nại quyết định thu hồi đất",
                "Tôi không đồng ý với mức bồi thường khi thu hồi đất tại khu vực 2.", "Nguyễn Văn Tư", "Khu vực 1",
                "0939 000 000", false, false, java.util.List.of(), null,
                java.time.Instant.now().minus(20, java.time.temporal.ChronoUnit.DAYS), 1, null, null), "test")
                .trackingCode();
        return cases.findByCode(code).orElseThrow();
    }

    private static long unassignedOverdue(Browser browser) {
        return Long.parseLong(browser.driver.findElement(
                By.cssSelector("#summary tr[data-unit='" + DemoUsers.COMMUNE_A + "'] td.count-unassigned-overdue")).getText());
    }
}
