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
    void kiemtoanFindsAClosedCaseByCodeAndReadsItsTimeline() throws Exception {
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
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/audit-timeline.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
