package vn.qcdc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/** The auditor signs in, finds a closed complaint by its code on /audit and opens its timeline. */
@QcdcTest
class AuditBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void kiemtoanFindsAClosedCaseByCodeReadsItsTimelineAndSeesItsDiagrams() throws Exception {
        String code = AuditCases.finishedComplaint(port);
        try (Browser browser = new Browser(port)) {
            browser.signIn("kiemtoan", DemoUsers.PASSWORD);
            browser.driver.findElement(By.id("nav-audit")).click();
            browser.waitFor(By.id("audit-filters"));
            browser.driver.findElement(By.id("f-q")).sendKeys(code);
            new Select(browser.driver.findElement(By.id("f-status"))).selectByValue("completed");
            browser.driver.findElement(By.id("audit-search")).click();
            browser.waitFor(By.cssSelector("a.audit-case"));
            assertThat(browser.driver.findElement(By.id("audit-total")).getText()).isEqualTo("Tìm thấy 1 kết quả");
            browser.driver.findElement(By.cssSelector("a.audit-case")).click();
            browser.waitFor(By.id("audit-timeline"));
            assertThat(browser.driver.findElement(By.id("audit-case-code")).getText()).contains(code);
            String timeline = browser.driver.findElement(By.id("audit-timeline")).getText();
            assertThat(timeline).contains("Hoàn thành: Phân loại, xác định thẩm quyền").contains("tiepdan.p1")
                    .contains("Hoàn thành: Ký quyết định giải quyết").contains("truong.p1")
                    .contains("Áp dụng bảng quyết định").contains("Kết thúc quy trình");
            assertThat(browser.driver.findElements(By.cssSelector("#audit-timeline tr.entry-task"))).hasSizeGreaterThan(10);
            // each process of the tree drawn, the path taken highlighted, with the count per element
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.cssSelector(".audit-diagram[data-ready='true']")).size() == 2);
            assertThat(browser.driver.findElements(By.cssSelector(".audit-diagram[data-ready='failed']"))).isEmpty();
            assertThat(browser.driver.findElements(By.cssSelector(".audit-diagram .djs-element.audit-taken")))
                    .hasSizeGreaterThan(10);
            assertThat(browser.driver.findElements(By.cssSelector(
                    ".audit-diagram g.djs-element.audit-taken[data-element-id='sign-decision']"))).hasSize(1);
            assertThat(browser.driver.findElements(By.cssSelector(
                    ".audit-diagram g.djs-element[data-element-id='decide-complexity']:not(.audit-taken)")))
                    .as("a step this case never reached is not highlighted").hasSize(1);
            assertThat(browser.driver.findElements(By.cssSelector(".audit-diagram .audit-count"))).isNotEmpty();
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/audit-timeline.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
