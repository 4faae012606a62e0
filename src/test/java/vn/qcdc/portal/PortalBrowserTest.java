package vn.qcdc.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.cases.CaseStatus;
import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/** A citizen in a real browser: finds the portal from the sign-in page, files a petition, tracks it. */
@QcdcTest
class PortalBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;

    @Test
    void aCitizenFilesAPetitionWithAPhotoAndTracksIt() throws Exception {
        Path photo = Files.createTempFile("anh-hien-truong", ".png");
        Files.write(photo, Filings.png());
        Path tooLarge = Files.createTempFile("ban-chup", ".pdf");
        Files.write(tooLarge, new byte[6 * 1024 * 1024]);
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            browser.driver.findElement(By.id("login-portal-link")).click();
            browser.waitFor(By.id("portal-home"));
            browser.driver.findElement(By.id("portal-submit-link")).click();
            browser.waitFor(By.id("submit-form"));

            click(browser, By.cssSelector("label[for='kind-PETITION']"));
            // the search box replaces the code field once the script runs
            assertThat(browser.driver.findElement(By.id("unit-code-box")).isDisplayed()).isFalse();
            browser.driver.findElement(By.id("unitSearch")).sendKeys("phuong i");
            browser.waitFor(By.cssSelector(".unit-option[data-code='" + DemoUsers.COMMUNE_A + "']"));
            click(browser, By.cssSelector(".unit-option[data-code='" + DemoUsers.COMMUNE_A + "']"));
            assertThat(browser.driver.findElement(By.id("unitCode")).getDomProperty("value")).isEqualTo(DemoUsers.COMMUNE_A);
            assertThat(browser.driver.findElement(By.id("unit-chosen-name")).getText()).contains("Phường I");

            browser.driver.findElement(By.id("title")).sendKeys("Cống thoát nước bị tắc");
            browser.driver.findElement(By.id("content")).sendKeys(
                    "Cống thoát nước đầu hẻm 5, khu vực 1 bị tắc, mưa xuống nước tràn vào nhà dân.");
            // the browser refuses a file the server would refuse, before sending anything
            WebElement attachments = browser.driver.findElement(By.id("attachments"));
            attachments.sendKeys(tooLarge.toAbsolutePath().toString());
            assertThat(browser.driver.findElement(By.id("attachments-client-error")).getText())
                    .contains("vượt quá 5 MB", tooLarge.getFileName().toString());
            attachments.clear();
            attachments.sendKeys(photo.toAbsolutePath().toString());
            assertThat(browser.driver.findElement(By.id("attachments-client-error")).getText()).isEmpty();
            browser.driver.findElement(By.id("citizenName")).sendKeys("Trần Thị Bình");
            browser.driver.findElement(By.id("citizenContact")).sendKeys("0987654321");
            click(browser, By.id("submit-case"));

            browser.waitFor(By.id("receipt-pin"));
            String code = browser.driver.findElement(By.id("receipt-code")).getText();
            String pin = browser.driver.findElement(By.id("receipt-pin")).getText();
            assertThat(code).matches("PA-\\d{4}-[A-Z0-9]{6}");
            assertThat(pin).matches("\\d{6}");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/receipt/" + code).doesNotContain(pin);
            assertThat(browser.driver.findElement(By.id("receipt-unit")).getText()).isEqualTo("Phường I");
            assertThat(browser.driver.findElement(By.id("receipt-deadline")).getText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/portal-receipt.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
            // as printed: the portal's full address is on the paper
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
            WebElement address = browser.driver.findElement(By.id("receipt-address"));
            assertThat(address.isDisplayed()).isTrue();
            assertThat(address.getText()).isEqualTo("http://localhost:" + port + "/portal/track");
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));

            browser.driver.navigate().refresh();
            browser.waitFor(By.id("receipt-already-shown"));
            assertThat(browser.driver.getPageSource()).doesNotContain(pin);

            click(browser, By.id("receipt-track"));
            browser.waitFor(By.id("track-form"));
            WebElement codeField = browser.driver.findElement(By.id("trackingCode"));
            assertThat(codeField.getDomProperty("value")).isEqualTo(code);
            browser.driver.findElement(By.id("pin")).sendKeys(pin);
            click(browser, By.id("track-submit"));

            browser.waitFor(By.id("status-status"));
            assertThat(browser.driver.getCurrentUrl()).doesNotContain(pin);
            CaseStatus status = CaseStatus.valueOf(jdbc.queryForObject(
                    "select status from citizen_case where tracking_code = ?", String.class, code));
            assertThat(browser.driver.findElement(By.id("status-status")).getText())
                    .isEqualTo(messages.getMessage(status.messageKey(), null, Locale.forLanguageTag("vi")));
            assertThat(browser.driver.findElement(By.id("status-code")).getText()).isEqualTo(code);
            Files.write(Path.of("target/screenshots/portal-status.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            Files.deleteIfExists(photo);
            Files.deleteIfExists(tooLarge);
        }
        assertThat(jdbc.queryForObject("select count(*) from case_attachment a join citizen_case c on c.id = a.case_id"
                + " where c.title = 'Cống thoát nước bị tắc'", Long.class)).isEqualTo(1);
    }

    /** Bootstrap scrolls smoothly, so a click right after WebDriver's own scrolling can land short of its target. */
    private static void click(Browser browser, By by) {
        WebElement element = browser.driver.findElement(by);
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
