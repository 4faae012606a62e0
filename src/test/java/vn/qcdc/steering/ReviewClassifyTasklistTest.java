package vn.qcdc.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.Browser;
import vn.qcdc.support.FormLists;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.TasklistForm;

/**
 * The classification in a real Tasklist. The proposals list comes with one row per party organisation of the review,
 * named, not coded; the secretary picks a grade for each (by its Vietnamese name), writes an award, completes. The
 * steering head sees the proposals read-only and adds a row only for a unit whose grade he decides otherwise.
 */
@QcdcTest
class ReviewClassifyTasklistTest {

    /** No other test classifies these years. */
    static final int YEAR = 2022;
    static final int DECISION_YEAR = 2025;
    static final String P1 = "hg-vithanh-p1";
    static final String CD = "hg-phunghiep-cayduong";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ReviewReports reports;
    @Autowired
    ReviewStore store;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSecretaryGradesThePrefilledPartyOrganisationsInTasklist() throws Exception {
        String pid = reviewAtProposals(YEAR);
        Task propose = task(pid, "propose-classification");
        taskService.setAssignee(propose.getId(), "thuky.hg");
        String p1Name = name(P1);
        String cdName = name(CD);

        try (Browser browser = new Browser(port)) {
            TasklistForm form = new TasklistForm(browser).openAs("thuky.hg", propose.getId());
            form.wait.until(d -> form.rows().size() == 2 && rowOf(form, p1Name) != null && rowOf(form, cdName) != null);
            // the units are there by name, no code to type; their QCDC performance beside them
            assertThat(rowOf(form, p1Name).getText()).doesNotContain(P1);
            assertThat(attribute(rowOf(form, cdName), "Đạt 1/1")).isTrue();
            grade(form, rowOf(form, p1Name), "Hoàn thành xuất sắc nhiệm vụ");
            // the row's first text field is the award
            form.type(rowOf(form, p1Name).findElements(By.cssSelector(".fjs-form-field-textfield input")).get(0),
                    "Bằng khen UBND tỉnh");
            grade(form, rowOf(form, cdName), "Hoàn thành tốt nhiệm vụ");
            form.shot("classify-form-filled");
            form.complete(taskService);
        }
        assertThat(store.classifications(YEAR)).extracting(ReviewStore.Classification::unitCode,
                ReviewStore.Classification::proposedGrade, ReviewStore.Classification::rewardProposal).containsExactly(
                        Tuple.tuple(CD, "GOOD", null), Tuple.tuple(P1, "EXCELLENT", "Bằng khen UBND tỉnh"));
        assertThat(store.classifications(YEAR)).filteredOn(c -> c.unitCode().equals(CD)).singleElement()
                .satisfies(c -> assertThat(c.qcdcPerformance()).contains("Đạt 1/1"));
        assertThat(task(pid, "decide-classification")).isNotNull();
    }

    @Test
    void theSteeringHeadOverridesOneProposedGradeInTasklist() throws Exception {
        String pid = reviewAtProposals(DECISION_YEAR);
        taskService.complete(task(pid, "propose-classification").getId(), Map.of("proposals", FormLists.json(FormLists.rows(
                List.of("unitCode", "grade", "award"), P1, "GOOD", "", CD, "GOOD", "Giấy khen"))));
        Task decide = task(pid, "decide-classification");
        assertThat(taskService.getIdentityLinksForTask(decide.getId())).extracting(IdentityLink::getGroupId)
                .contains("hg:steering-head");
        taskService.setAssignee(decide.getId(), "truongbcd.hg");
        String p1Name = name(P1);
        String cdName = name(CD);

        try (Browser browser = new Browser(port)) {
            TasklistForm form = new TasklistForm(browser).openAs("truongbcd.hg", decide.getId());
            // a list without add and remove has no row containers: its rows are read from its text
            WebElement proposals = form.list("Đề xuất của Tổ Thư ký");
            form.wait.until(d -> proposals.getText().contains(p1Name) && proposals.getText().contains(cdName));
            assertThat(proposals.getText()).contains("Hoàn thành tốt nhiệm vụ").doesNotContain(P1);
            assertThat(form.rows("Quyết định khác đề xuất")).isEmpty();
            WebElement decision = form.addRow("Quyết định khác đề xuất");
            unit(form, decision, p1Name);
            grade(form, decision, "Hoàn thành xuất sắc nhiệm vụ");
            form.shot("decide-form-filled");
            form.complete(taskService);
        }
        assertThat(store.classifications(DECISION_YEAR)).extracting(ReviewStore.Classification::unitCode,
                ReviewStore.Classification::proposedGrade, ReviewStore.Classification::decidedGrade,
                ReviewStore.Classification::decidedBy).containsExactly(
                        Tuple.tuple(CD, "GOOD", "GOOD", "truongbcd.hg"),
                        Tuple.tuple(P1, "GOOD", "EXCELLENT", "truongbcd.hg"));
    }

    /** A review of the two communes, both reports in, consolidated and signed off: the proposals task is open. */
    private String reviewAtProposals(int year) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String pid = runtimeService.startProcessInstanceByKey("periodic-review", Map.of("year", year, "period", "ANNUAL",
                "deadline", today.plusDays(20).toString(), "units", P1 + "," + CD, "openedBy", "thuky.hg")).getId();
        long id = jdbc.queryForObject("select id from review where review_year = ? and period = 'ANNUAL'", Long.class, year);
        submit(id, P1, "thuky.p1", new ReviewReports.SectionInput(1, "40", "50", "Chỉ tiêu 1", ""));
        submit(id, CD, "thuky.cd", new ReviewReports.SectionInput(1, "30", "30", "Chỉ tiêu 1", ""));
        taskService.complete(task(pid, "consolidate-province").getId(), Map.of("consolidationNote", "Tổng hợp"));
        taskService.complete(task(pid, "sign-off").getId(), Map.of("approved", true));
        return pid;
    }

    private void submit(long id, String unit, String user, ReviewReports.SectionInput section) {
        Set<String> groups = jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, user)
                .stream().collect(Collectors.toSet());
        reports.submit(id, unit, user, groups, List.of(section));
    }

    private Task task(String pid, String key) {
        return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
    }

    private String name(String code) {
        return jdbc.queryForObject("select name from org_unit where code = ?", String.class, code);
    }

    /** The row whose unit picker shows this name. */
    private static WebElement rowOf(TasklistForm form, String unitName) {
        return form.rows().stream().filter(r -> {
            List<WebElement> selects = r.findElements(By.cssSelector(".fjs-form-field-select"));
            return !selects.isEmpty() && shows(selects.get(0), unitName);
        }).findFirst().orElse(null);
    }

    /** A searchable select shows its pick as the value of its search box. */
    private static boolean shows(WebElement select, String label) {
        return select.findElements(By.cssSelector("input")).stream().anyMatch(i -> label.equals(i.getDomProperty("value")));
    }

    /** The row's unit picker is its first select. */
    private static void unit(TasklistForm form, WebElement row, String unitName) {
        WebElement select = row.findElements(By.cssSelector(".fjs-form-field-select")).get(0);
        form.pick(select, unitName);
        form.wait.until(d -> shows(select, unitName));
    }

    /** Whether one of the row's text fields holds a value containing this text. */
    private static boolean attribute(WebElement row, String text) {
        return row.findElements(By.cssSelector(".fjs-form-field-textfield input")).stream()
                .anyMatch(i -> String.valueOf(i.getDomProperty("value")).contains(text));
    }

    /** The row's grade select is its second select. */
    private static void grade(TasklistForm form, WebElement row, String label) {
        WebElement select = row.findElements(By.cssSelector(".fjs-form-field-select")).get(1);
        form.pick(select, label);
        form.wait.until(d -> select.getText().contains(label));
    }
}
