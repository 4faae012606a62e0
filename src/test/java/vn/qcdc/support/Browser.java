package vn.qcdc.support;

import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium (installed by {@link BrowserInstall} where it can be), in Vietnamese. */
public final class Browser implements AutoCloseable {

    public final ChromeDriver driver;
    private final String base;

    public Browser(int port) {
        this(port, "vi", null);
    }

    /**
     * A browser whose first language is {@code language} ("vi", "en") and, when {@code timeZone} is not null, whose
     * clock runs in that zone (the TZ of the chromedriver and so of the Chromium it starts).
     */
    public Browser(int port, String language, String timeZone) {
        String chromium = System.getProperty("qcdc.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("qcdc.chromedriver", "/usr/bin/chromedriver");
        BrowserInstall.ensure(chromium, chromedriver);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.equals("en") ? "en,vi" : "vi,en"));
        ChromeDriverService.Builder builder = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(chromedriver));
        if (timeZone != null) {
            builder.withEnvironment(Map.of("TZ", timeZone));
        }
        ChromeDriverService service = builder.build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public void signIn(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        waitFor(By.cssSelector(".role-badge"));
    }

    public void waitFor(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public void waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
