package vn.qcdc.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/** A real browser: one sign-in on our page opens Camunda Tasklist, in Vietnamese, with the shared filters. */
@QcdcTest
class TasklistBrowserTest {

    /** "KN-2026-… · title · Phường I", as TaskCards writes it. */
    static final java.util.regex.Pattern CARD = java.util.regex.Pattern.compile("[A-Z]{2,3}-20\\d\\d-\\S+ · .+ · Phường I");

    static final String MY_UNIT = "Việc của đơn vị tôi";

    @LocalServerPort
    int port;

    @Test
    void anOfficerSignsInOnceAndWorksInAVietnameseTasklist() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("tiepdan.p1", DemoUsers.PASSWORD);
            assertThat(browser.driver.getPageSource()).contains("Cán bộ tiếp công dân");

            browser.driver.findElement(By.cssSelector("#card-tasklist a")).click();
            browser.waitForText(MY_UNIT);
            browser.waitForText("Khởi tạo quy trình");
            browser.driver.findElement(By.partialLinkText(MY_UNIT)).click();
            browser.waitForText("Phân loại, xác định thẩm quyền");
            // each item says which case it is: tracking code, title, unit
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> CARD.matcher(d.findElement(By.tagName("body")).getText()).find());
            assertThat(java.net.URLDecoder.decode(browser.driver.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8))
                    .as("earliest due first").contains("\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"");
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/tasklist-vi.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
            // Camunda's end-of-life banner is in the page but never shown to an officer
            assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty()
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());

            // signing out in Tasklist ends the one session and lands on our sign-in page
            browser.driver.findElement(By.cssSelector(".account .dropdown-toggle, [cam-widget-header] .account a")).click();
            browser.driver.findElement(By.cssSelector("a[ng-click*='logout'], .logout a")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains("/login"));
            browser.open("/camunda/app/tasklist/default/");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        }
    }

    @Test
    void aFreshTasklistShowsNoRawTranslationKeys() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("tiepdan.p1", DemoUsers.PASSWORD);
            browser.open("/camunda/app/tasklist/default/");
            browser.waitForText(MY_UNIT);
            browser.waitForText("Hạn xử lý");
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/tasklist-first-paint.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
            String text = browser.driver.findElement(By.tagName("body")).getText();
            java.util.List<String> placeholders = browser.driver.findElements(By.cssSelector("[placeholder]")).stream()
                    .map(e -> e.getDomAttribute("placeholder")).toList();
            assertThat(text).doesNotContainPattern("\\b[A-Z]{3,}_[A-Z_]{2,}\\b");
            assertThat(placeholders).noneMatch(p -> p.matches(".*\\b[A-Z]{3,}_[A-Z_]{2,}\\b.*"));
        }
    }

    @Test
    void theAdminStillSeesCamundasEndOfLifeBanner() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("quantri", DemoUsers.PASSWORD);
            browser.open("/camunda/app/tasklist/default/");
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".ce-eol-banner"))
                    .stream().anyMatch(b -> b.isDisplayed()));
        }
    }
}
