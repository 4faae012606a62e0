package vn.qcdc.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.Browser;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.TasklistForm;

/**
 * The secretary starts an inspection plan in a real Tasklist: units picked by name from the committee's tree, the
 * team and its lead from the inspectors, the targets ticked; no code or user id typed anywhere. The date is typed the
 * Vietnamese way, day first, whatever the browser's own locale.
 */
@QcdcTest
class InspectionPlanStartTasklistTest {

    @LocalServerPort
    int port;
    @Autowired
    InspectionStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void theSecretaryPicksUnitsTeamAndTargetsInTheStartForm() throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from inspection_plan", Long.class);
        // the 5th of a month other than May, a month or more ahead: typed 05/MM/yyyy, read the US way it is another day
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30).withDayOfMonth(5).plusMonths(1);
        if (day.getMonthValue() == 5) {
            day = day.plusMonths(1);
        }
        try (Browser browser = new Browser(port)) {
            browser.signIn("thuky.hg", DemoUsers.PASSWORD);
            browser.open("/camunda/app/tasklist/default/");
            browser.waitForText("Khởi tạo quy trình");
            browser.driver.findElement(By.partialLinkText("Khởi tạo quy trình")).click();
            browser.waitForText("Kế hoạch kiểm tra thực hiện Quy chế dân chủ");
            browser.driver.findElement(By.partialLinkText("Kế hoạch kiểm tra thực hiện Quy chế dân chủ")).click();
            TasklistForm form = new TasklistForm(browser);
            form.type(form.field("Năm kiểm tra").findElement(By.cssSelector("input")), String.valueOf(day.getYear()));
            assertThat(form.offered(form.field("Đơn vị được kiểm tra")))
                    .contains("Phường I — Thành phố Vị Thanh", "Thị trấn Cây Dương — Huyện Phụng Hiệp");
            form.choose("Phường I — Thành phố Vị Thanh");
            form.pick(form.field("Đơn vị được kiểm tra"), "Cây Dương");
            // the tag list's options are still open: leave it for the next field (Escape would close the dialog)
            browser.driver.findElements(By.cssSelector(".modal-body h3, .modal-body .fjs-form-field-text")).get(0).click();
            By dateInput = By.cssSelector("input.flatpickr-input");
            assertThat(form.field("Ngày kiểm tra").findElement(dateInput).getDomAttribute("placeholder"))
                    .isEqualTo("dd/mm/yyyy");
            // its calendar speaks Vietnamese and starts the week on Monday
            form.wait.ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        WebElement input = form.field("Ngày kiểm tra").findElement(dateInput);
                        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
                        input.click();
                        return !d.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday")).isEmpty();
                    });
            assertThat(browser.driver.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday")).stream()
                    .map(w -> w.getText().trim()).filter(w -> !w.isEmpty()).toList()).startsWith("T2", "T3");
            assertThat(browser.driver.findElement(By.cssSelector(".flatpickr-calendar.open .flatpickr-current-month"))
                    .getText()).contains("Tháng");
            WebElement date = form.field("Ngày kiểm tra").findElement(dateInput);
            form.type(date, day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            form.pick(form.field("Thành viên đoàn kiểm tra"), "(kiemtra.hg)");
            form.pick(form.field("Thành viên đoàn kiểm tra"), "(kiemtra2.hg)");
            form.pick(form.field("Trưởng đoàn"), "(kiemtra2.hg)");
            for (WebElement box : form.field("Chỉ tiêu kiểm tra").findElements(By.cssSelector("input[type=checkbox]"))) {
                String label = box.findElement(By.xpath("..")).getText();
                if (label.startsWith("Chỉ tiêu 3:") || label.startsWith("Chỉ tiêu 8:")) {
                    form.click(box);
                }
            }
            form.shot("inspection-plan-start-filled");
            form.click(browser.driver.findElements(By.cssSelector(".modal-footer button")).stream()
                    .filter(b -> b.getText().contains("Khởi tạo")).findFirst().orElseThrow());
            try {
                form.wait.until(d -> jdbc.queryForObject("select coalesce(max(id), 0) from inspection_plan", Long.class) > before);
            } catch (RuntimeException e) {
                form.shot("inspection-plan-start-failed");
                throw e;
            }
        }
        long plan = jdbc.queryForObject("select max(id) from inspection_plan", Long.class);
        assertThat(store.unitCodes(plan)).containsExactlyInAnyOrder(DemoUsers.COMMUNE_A, DemoUsers.COMMUNE_B);
        assertThat(store.team(plan)).containsExactlyInAnyOrder("kiemtra.hg", "kiemtra2.hg");
        assertThat(store.lead(plan)).isEqualTo("kiemtra2.hg");
        assertThat(store.scope(plan)).containsExactly(3, 8);
        assertThat(store.planUnit(store.planUnitOf(plan, DemoUsers.COMMUNE_A)).orElseThrow().inspectionDate()).isEqualTo(day);
        // the head approves what they can read: names and a Vietnamese date, no codes
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("inspection-plan")
                .variableValueEquals("planId", plan).singleResult().getId();
        assertThat((String) runtimeService.getVariable(instance, "planSummary"))
                .contains("Phường I", "Thị trấn Cây Dương", "Ngô Văn Nam", "trưởng đoàn Trịnh Văn Quang", "chỉ tiêu: 3, 8",
                        day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .doesNotContain(DemoUsers.COMMUNE_A, "kiemtra");
    }
}
