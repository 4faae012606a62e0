package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.TasklistForm;

/** A reception officer records a walk-in submission through the Camunda start form in Tasklist. */
@QcdcTest
class ReceptionIntakeBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theStartFormInTasklistOpensOneCasePerKind() throws Exception {
        long before = jdbc.queryForObject("select count(*) from citizen_case where channel = 'HOTLINE'", Long.class);
        try (Browser browser = new Browser(port)) {
            browser.signIn("tiepdan.p1", DemoUsers.PASSWORD);
            browser.open("/camunda/app/tasklist/default/");
            browser.waitForText("Khởi tạo quy trình");
            browser.driver.findElement(By.partialLinkText("Khởi tạo quy trình")).click();
            try {
                browser.waitForText("Ghi nhận đơn tiếp nhận trực tiếp");
            } catch (RuntimeException e) {
                shot(browser, "reception-start-list");
                throw e;
            }
            browser.driver.findElement(By.partialLinkText("Ghi nhận đơn tiếp nhận trực tiếp")).click();
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
            WebElement channel;
            try {
                channel = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-select .fjs-select-display")));
            } catch (RuntimeException e) {
                shot(browser, "reception-start-form-missing");
                Files.writeString(Path.of("target/screenshots/reception-start-form.html"), browser.driver.getPageSource());
                throw e;
            }
            shot(browser, "reception-start-form");
            // form-js's own texts are in Vietnamese too: the empty select, and the required-field message
            wait.until(d -> channel.getText().equals("Chọn…"));
            startButton(browser).click();
            browser.waitForText("Vui lòng nhập trường này.");
            shot(browser, "reception-start-form-refused");
            assertThat(browser.driver.getPageSource()).doesNotContain("Field is required");
            assertThat(jdbc.queryForObject("select count(*) from citizen_case where channel = 'HOTLINE'", Long.class))
                    .as("an empty form starts nothing").isEqualTo(before);
            pickSelect(browser, channel, "Đường dây nóng");
            wait.until(d -> channel.getText().contains("Đường dây nóng"));
            for (WebElement box : browser.driver.findElements(By.cssSelector(".fjs-form-field-checklist input[type=checkbox]"))) {
                String label = box.findElement(By.xpath("..")).getText();
                if (label.contains("Khiếu nại") || label.contains("Kiến nghị")) {
                    box.click();
                }
            }
            // the unit is picked by name from the units where this officer receives citizens, never typed as a code
            TasklistForm form = new TasklistForm(browser);
            String unit = "Cơ quan, đơn vị liên quan";
            assertThat(form.offered(form.field(unit))).containsExactly("Phường I — Thành phố Vị Thanh");
            form.choose("Phường I");
            type(browser, "Tiêu đề", "Gọi đường dây nóng");
            type(browser, "Nội dung đơn", "Khiếu nại phạt sai và kiến nghị sửa cống.");
            type(browser, "Họ tên", "Lý Thị Nóng");
            type(browser, "Điện thoại", "0900111222");
            startButton(browser).click();
            try {
                wait.until(d -> jdbc.queryForObject("select count(*) from citizen_case where channel = 'HOTLINE'", Long.class) >= before + 2);
            } catch (RuntimeException e) {
                shot(browser, "reception-start-failed");
                throw e;
            }
            shot(browser, "reception-started");
        }
        assertThat(jdbc.queryForObject("select count(*) from citizen_case where channel = 'HOTLINE'", Long.class))
                .isEqualTo(before + 2);
        assertThat(jdbc.queryForList("select distinct unit_code from citizen_case where title = 'Gọi đường dây nóng'",
                String.class)).containsExactly(DemoUsers.COMMUNE_A);
    }

    private static WebElement startButton(Browser browser) {
        return browser.driver.findElements(By.cssSelector(".modal-footer button")).stream()
                .filter(b -> b.getText().contains("Khởi tạo")).findFirst().orElseThrow();
    }

    private static void type(Browser browser, String labelStart, String value) {
        WebElement label = browser.driver.findElements(By.cssSelector(".fjs-form label")).stream()
                .filter(l -> l.getText().startsWith(labelStart)).findFirst().orElseThrow(() -> new AssertionError(labelStart));
        String id = label.getAttribute("for");
        WebElement input = id != null && !id.isBlank() ? browser.driver.findElement(By.id(id))
                : label.findElement(By.xpath("following::*[self::input or self::textarea][1]"));
        input.sendKeys(value);
    }

    private static void pickSelect(Browser browser, WebElement select, String option) {
        select.click();
        browser.driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(i -> i.getText().contains(option)).findFirst().orElseThrow().click();
    }

    private static void shot(Browser browser, String name) throws Exception {
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/" + name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
