package vn.qcdc.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A task's Camunda Form in a real Tasklist, driven as an officer does: real clicks on pickers, TAB out of fields. */
public final class TasklistForm {

    public final Browser browser;
    public final WebDriverWait wait;

    public TasklistForm(Browser browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    }

    /** Opens the task and waits for its form (a dynamic list where it has one). */
    public TasklistForm open(String taskId) throws Exception {
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-dynamiclist")));
        } catch (RuntimeException e) {
            shot("form-missing-" + taskId);
            throw e;
        }
        return this;
    }

    /** The rows of every dynamic list of the form, in order. */
    public List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector(".fjs-form-field-dynamiclist .fjs-repeat-row-container"));
    }

    /** The dynamic list whose text (its label first) contains this. */
    public WebElement list(String label) {
        return browser.driver.findElements(By.cssSelector(".fjs-form-field-dynamiclist")).stream()
                .filter(l -> l.getText().contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no list " + label));
    }

    /** The field (of any kind) whose label starts with this text. */
    public WebElement field(String labelStart) {
        // one look in the page itself: form-js re-renders fields as others change (conditions, errors)
        return wait.withMessage("no field " + labelStart).until(d -> (WebElement) browser.driver.executeScript(
                "return Array.from(document.querySelectorAll('.fjs-form-field')).find(f => Array.from("
                        + "f.querySelectorAll('label')).some(l => l.textContent.trim().startsWith(arguments[0]))) || null;",
                labelStart));
    }

    /** Opens a select or tag list and returns what it offers, leaving it open for {@link #choose}. */
    public List<String> offered(WebElement field) {
        open(field);
        wait.until(d -> !openOptions().isEmpty());
        return openOptions().stream().map(i -> i.getText().trim()).toList();
    }

    /** Picks the option shown as {@code label} (or, failing that, containing it) of a form-js select or tag list. */
    public void pick(WebElement select, String label) {
        open(select);
        choose(label);
    }

    /** Picks from the list that is open. */
    public void choose(String label) {
        wait.until(d -> option(label) != null);
        // form-js picks on mouse down, before a click would land
        new Actions(browser.driver).moveToElement(option(label)).click().perform();
    }

    private void open(WebElement field) {
        WebElement display = field.findElements(By.cssSelector(".fjs-select-display, input")).get(0);
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", display);
        display.click();
    }

    /** Only one list is open at a time. */
    private List<WebElement> openOptions() {
        return browser.driver.findElements(By.cssSelector(".fjs-dropdownlist-item"));
    }

    private WebElement option(String label) {
        List<WebElement> items = openOptions();
        return items.stream().filter(i -> i.getText().trim().equals(label)).findFirst()
                .orElse(items.stream().filter(i -> i.getText().contains(label)).findFirst().orElse(null));
    }

    /** Types into a field and leaves it, which hands form-js its debounced value. */
    public void type(WebElement input, String text) {
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.sendKeys(text, Keys.TAB);
    }

    /** Tasklist's fixed footer and its notices cover the bottom of a long form: click the element itself. */
    public void click(WebElement element) {
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    public WebElement completeButton() {
        return browser.driver.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().trim().equals("Hoàn thành")).findFirst()
                .orElseThrow(() -> new AssertionError("no Complete button"));
    }

    /** Clicks Complete once Tasklist enables it. */
    public void complete() {
        wait.until(d -> completeButton().isEnabled());
        click(completeButton());
    }

    public void shot(String name) throws Exception {
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/" + name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(Path.of("target/screenshots/" + name + ".html"), browser.driver.getPageSource());
    }
}
