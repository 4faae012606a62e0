package vn.qcdc.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/** The steering head opens the targets dashboard, sees the chart, and drills down from target 8 to its units. */
@QcdcTest
class TargetsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void drillDownFromATargetToItsUnits() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("truongbcd.hg", DemoUsers.PASSWORD);
            browser.driver.findElement(By.cssSelector("#card-targets a")).click();
            browser.waitFor(By.id("targets-table"));
            assertThat(browser.driver.findElements(By.cssSelector("#targets-table tbody tr"))).hasSize(Target.values().length);
            Object chartDrawn = browser.driver.executeScript(
                    "return window.Chart && Chart.getChart(document.getElementById('targets-chart')) != null;");
            assertThat(chartDrawn).isEqualTo(true);
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/targets.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
            var drillDown = browser.driver.findElement(By.cssSelector("tr[data-target='8'] a.drill-down"));
            // the link sits below the chart, out of the headless window: follow it as a click would
            browser.driver.executeScript("arguments[0].click();", drillDown);
            browser.waitFor(By.id("target-units"));
            assertThat(browser.driver.findElement(By.id("target-units")).getText()).contains("Phường I");
            assertThat(browser.driver.executeScript(
                    "return Chart.getChart(document.getElementById('target-chart')) != null;")).as("a chart per target")
                    .isEqualTo(true);
        }
    }
}
