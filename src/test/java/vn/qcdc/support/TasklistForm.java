package vn.qcdc.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
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
    private String taskId;

    public TasklistForm(Browser browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    }

    /** Opens the task and waits for its form. */
    public TasklistForm open(String taskId) throws Exception {
        this.taskId = taskId;
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form .fjs-form-field")));
        } catch (RuntimeException e) {
            shot("form-missing-" + taskId);
            throw e;
        }
        return this;
    }

    /** Signs a demo user in and opens the task's form. */
    public TasklistForm openAs(String user, String taskId) throws Exception {
        browser.signIn(user, DemoUsers.PASSWORD);
        return open(taskId);
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
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30)).withMessage("no field " + labelStart)
                .until(d -> (WebElement) browser.driver.executeScript(
                "return Array.from(document.querySelectorAll('.fjs-form-field')).find(f => Array.from("
                        + "f.querySelectorAll('label')).some(l => l.textContent.trim().startsWith(arguments[0]))) || null;",
                labelStart));
    }

    /** The rows of the list labelled so; form-js wraps rows only where rows can be added and removed. */
    public List<WebElement> rows(String listLabel) {
        return list(listLabel).findElements(By.cssSelector(".fjs-repeat-row-container"));
    }

    /** Clicks the list's "Thêm dòng" (form-js's "Add new", translated by qcdc-forms-vi.js) and returns the new row. */
    public WebElement addRow(String listLabel) {
        int before = rows(listLabel).size();
        WebElement add = list(listLabel).findElement(By.cssSelector(".fjs-repeat-render-add"));
        wait.until(d -> add.getText().trim().equals("Thêm dòng"));
        click(add);
        wait.until(d -> rows(listLabel).size() == before + 1);
        return rows(listLabel).get(before);
    }

    /**
     * Types a date into a form-js date field as its placeholder asks (dd/mm/yyyy in the Vietnamese Tasklist,
     * whatever the browser's locale), leaves it and waits until the picker shows that date back.
     */
    public void typeDate(WebElement input, LocalDate date) {
        String placeholder = input.getDomAttribute("placeholder");
        type(input, date.format(DateTimeFormatter.ofPattern(placeholder.replace("mm", "MM"))));
        // the picker rewrites it without leading zeros (1/4/2027)
        DateTimeFormatter shown = DateTimeFormatter.ofPattern(placeholder.replace("mm", "M").replace("dd", "d"));
        wait.until(d -> date.equals(parsed(String.valueOf(input.getDomProperty("value")), shown)));
    }

    private static LocalDate parsed(String text, DateTimeFormatter format) {
        try {
            return LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Opens a select or tag list and returns what it offers, leaving it open for {@link #choose}. */
    public List<String> offered(WebElement field) {
        openList(field);
        wait.until(d -> !openOptions().isEmpty());
        return openOptions().stream().map(i -> i.getText().trim()).toList();
    }

    /** Picks the option shown as {@code label} (or, failing that, containing it) of a form-js select or tag list. */
    public void pick(WebElement select, String label) {
        openList(select);
        choose(label);
    }

    /** Picks from the list that is open. */
    public void choose(String label) {
        wait.until(d -> option(label) != null);
        // form-js picks on mouse down, before a click would land
        new Actions(browser.driver).moveToElement(option(label)).click().perform();
    }

    private void openList(WebElement field) {
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

    /** Completes the form and waits until its task is gone; a screenshot if it stays. */
    public void complete(TaskService tasks) throws Exception {
        complete();
        try {
            wait.until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
        } catch (RuntimeException e) {
            shot("form-not-completed-" + taskId);
            throw e;
        }
    }

    public void shot(String name) throws Exception {
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/" + name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(Path.of("target/screenshots/" + name + ".html"), browser.driver.getPageSource());
    }
}
