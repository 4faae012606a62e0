package vn.qcdc.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.OrgUnitType;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** A known data set in a year no other test uses; every figure asserted, and the exports match the dashboard. */
@QcdcTest
class TargetsDashboardTest {

    static final int YEAR = 2033;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TargetsService targets;
    @Autowired
    OrgUnitRepository units;

    @BeforeEach
    void twoDialoguesInPhuongIAndOneInCayDuong() {
        if (jdbc.queryForObject("select count(*) from dialogue where dialogue_year = ?", Integer.class, YEAR) > 0) {
            return;
        }
        seedAnnualReview();
        held(DemoUsers.COMMUNE_A, 3);
        held(DemoUsers.COMMUNE_A, 9);
        held(DemoUsers.COMMUNE_B, 5);
        jdbc.update("insert into dialogue (unit_code, dialogue_year, kind, topic, planned_at, venue, status, created_at)"
                + " values (?, ?, 'REGULAR', 'Kế hoạch', ?, 'Hội trường', 'PLANNED', ?)", DemoUsers.COMMUNE_B, YEAR,
                Timestamp.valueOf(LocalDateTime.of(YEAR, 11, 1, 8, 0)), Timestamp.valueOf(LocalDateTime.of(YEAR, 1, 2, 8, 0)));
    }

    /** Phường I reports 45/50 for target 1 and 3/3 for target 7 (and 2/2 for target 8); Cây Dương 30/40 and 2/4. */
    private void seedAnnualReview() {
        Timestamp at = Timestamp.valueOf(LocalDateTime.of(YEAR, 12, 20, 8, 0));
        jdbc.update("insert into review (review_year, period, as_of, deadline, status, opened_by, opened_at)"
                + " values (?, 'ANNUAL', ?, ?, 'SIGNED_OFF', 'thuky.hg', ?)", YEAR, java.sql.Date.valueOf(LocalDate.of(YEAR, 12, 15)),
                java.sql.Date.valueOf(LocalDate.of(YEAR, 12, 30)), at);
        long review = jdbc.queryForObject("select id from review where review_year = ? and period = 'ANNUAL'", Long.class, YEAR);
        report(review, DemoUsers.COMMUNE_A, at, new int[][] {{1, 45, 50}, {7, 3, 3}, {8, 2, 2}});
        report(review, DemoUsers.COMMUNE_B, at, new int[][] {{1, 30, 40}, {7, 2, 4}});
    }

    private void report(long review, String unit, Timestamp at, int[][] sections) {
        jdbc.update("insert into review_unit_report (review_id, unit_code, status, submitted_by, submitted_at)"
                + " values (?, ?, 'SUBMITTED', 'test', ?)", review, unit, at);
        long report = jdbc.queryForObject("select id from review_unit_report where review_id = ? and unit_code = ?",
                Long.class, review, unit);
        for (int[] s : sections) {
            jdbc.update("insert into review_report_section (report_id, target_no, numerator, denominator, narrative)"
                    + " values (?, ?, ?, ?, 'Báo cáo')", report, s[0], s[1], s[2]);
        }
    }

    private void held(String unit, int month) {
        LocalDateTime at = LocalDateTime.of(YEAR, month, 10, 8, 0);
        jdbc.update("insert into dialogue (unit_code, dialogue_year, kind, topic, planned_at, venue, status, held_at, created_at)"
                + " values (?, ?, 'REGULAR', 'Đối thoại', ?, 'Hội trường', 'HELD', ?, ?)", unit, YEAR, Timestamp.valueOf(at),
                Timestamp.valueOf(at), Timestamp.valueOf(at.minusDays(20)));
    }

    @Test
    void targetEightCountsTheUnitsThatHeldTwoDialogues() {
        long expectedUnits = units.findActiveOn(LocalDate.of(YEAR, 12, 31)).stream()
                .filter(u -> u.type() == OrgUnitType.COMMUNE || u.type() == OrgUnitType.DISTRICT).count();
        TargetsService.TargetRow row = targets.target(Target.T8_DIALOGUES, YEAR);
        assertThat(row.denominator()).isEqualTo(expectedUnits);
        assertThat(row.numerator()).isEqualTo(1);
        assertThat(row.percent()).isEqualTo(Math.round(1000.0 / expectedUnits) / 10.0);
        assertThat(row.met()).isFalse();
        assertThat(row.computed()).isTrue();
        assertThat(unit(row, DemoUsers.COMMUNE_A).numerator()).isEqualTo(1);
        assertThat(unit(row, DemoUsers.COMMUNE_B).numerator()).as("one held, one only planned").isZero();
        long communes = units.findActiveOn(LocalDate.of(YEAR, 12, 31)).stream()
                .filter(u -> u.type() == OrgUnitType.COMMUNE).count();
        TargetsService.TargetRow two = targets.target(Target.T2_NO_LOSS_OF_DEMOCRACY, YEAR);
        assertThat(two.denominator()).as("every grassroots party organisation").isEqualTo(communes);
        assertThat(two.numerator()).as("no confirmed loss of democracy that year").isEqualTo(communes);
        assertThat(two.met()).isTrue();
        TargetsService.TargetRow one = targets.target(Target.T1_OFFICIALS, YEAR);
        assertThat(List.of(one.numerator(), one.denominator())).containsExactly(75L, 90L);
        assertThat(one.percent()).isEqualTo(83.3);
        assertThat(one.computed()).as("self-reported").isFalse();
        assertThat(one.met()).isFalse();
        TargetsService.TargetRow seven = targets.target(Target.T7_HAMLET_CONVENTIONS, YEAR);
        assertThat(List.of(seven.numerator(), seven.denominator())).containsExactly(5L, 7L);
        assertThat(seven.percent()).isEqualTo(71.4);
        assertThat(unit(row, DemoUsers.COMMUNE_A).source()).as("computed wins over the unit's own 2/2")
                .isEqualTo(UnitFigure.Source.COMPUTED);
        for (Target none : List.of(Target.T1_MASS_ORGANISATIONS, Target.T3_QCDC_TEAMS, Target.T4_WORKS_DISCLOSED,
                Target.T5_AGENCY_DISCLOSURE, Target.T6_PROCEDURES_POSTED, Target.T9_ENTERPRISE_QCDC)) {
            assertThat(targets.target(none, YEAR).percent()).as(none + " has no data that year").isNull();
        }
        for (Target t : Target.values()) {
            TargetsService.TargetRow r = targets.target(t, YEAR);
            assertThat(r.numerator()).isEqualTo(r.units().stream().mapToLong(TargetsService.UnitRow::numerator).sum());
            assertThat(r.denominator()).isEqualTo(r.units().stream().mapToLong(TargetsService.UnitRow::denominator).sum());
        }
    }

    @Test
    void theExportsSayWhatTheDashboardSays() throws Exception {
        WebSession secretary = new WebSession(port);
        secretary.signIn("thuky.hg", DemoUsers.PASSWORD);
        String page = secretary.get("/targets?year=" + YEAR).body();
        TargetsService.TargetRow eight = targets.target(Target.T8_DIALOGUES, YEAR);
        assertThat(page).contains("data-target=\"8\" data-percent=\"" + eight.percent() + "\"");

        String csv = secretary.get("/targets/export.csv?year=" + YEAR).body();
        assertThat(csv).contains("8,").contains("," + eight.numerator() + "," + eight.denominator() + "," + eight.percent() + ",false,COMPUTED");

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/targets/export.xlsx?year=" + YEAR))
                .header("Authorization", basic("thuky.hg")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            List<TargetsService.TargetRow> rows = targets.dashboard(YEAR);
            for (int i = 0; i < rows.size(); i++) {
                var line = sheet.getRow(i + 1);
                assertThat(line.getCell(0).getStringCellValue()).isEqualTo(rows.get(i).target().number());
                assertThat((long) line.getCell(3).getNumericCellValue()).isEqualTo(rows.get(i).numerator());
                assertThat((long) line.getCell(4).getNumericCellValue()).isEqualTo(rows.get(i).denominator());
            }
        }
    }

    @Test
    void onlyTheSteeringCommitteeSupervisorsAndAuditorsReadIt() {
        WebSession officer = new WebSession(port);
        officer.signIn("xuly.p1", DemoUsers.PASSWORD);
        assertThat(officer.get("/targets").statusCode()).isEqualTo(403);
        WebSession auditor = new WebSession(port);
        auditor.signIn("kiemtoan", DemoUsers.PASSWORD);
        assertThat(auditor.get("/targets/8?year=" + YEAR).body()).contains("data-unit=\"" + DemoUsers.COMMUNE_A + "\"");
        assertThat(auditor.get("/targets/42").statusCode()).isEqualTo(404);
        assertThat(auditor.get("/targets?year=1900").statusCode()).isEqualTo(400);
    }

    private static TargetsService.UnitRow unit(TargetsService.TargetRow row, String code) {
        return row.units().stream().filter(u -> u.unitCode().equals(code)).findFirst().orElseThrow();
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes());
    }
}
