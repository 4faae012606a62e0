package vn.qcdc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Migration V20 on a calendar loaded from the shipped file as it was before (no kinds, no 31 August 2026, no make-up
 * Saturdays) leaves the same days, kinds and switches as the new file gives a fresh calendar; on an empty calendar
 * it adds nothing, so the new file still fills it at start-up.
 */
class CalendarMigrationTest {

    /** The dates the new file has and the old one had not. */
    static final Set<String> ADDED = Set.of("2024-05-04", "2025-04-26", "2026-01-10", "2026-08-22", "2026-08-31",
            "2026-11-24", "2027-11-24");

    @Test
    void anOldCalendarMigratedEqualsTheNewShippedFile() throws IOException {
        JdbcTemplate jdbc = freshDatabase();
        List<String> shipped = new ArrayList<>();
        for (CSVRecord r : shippedFile()) {
            shipped.add(r.get("date") + " " + r.get("kind") + " " + r.get("active"));
            if (!ADDED.contains(r.get("date"))) {
                jdbc.update("insert into holiday (holiday_date, name_vi, name_en) values (?, ?, ?)",
                        Date.valueOf(r.get("date")), r.get("name_vi"), r.get("name_en"));
            }
        }
        migrate(jdbc);
        assertThat(jdbc.queryForList("select holiday_date || ' ' || kind || ' ' || case when active then 'true' else"
                + " 'false' end from holiday order by holiday_date", String.class)).containsExactlyElementsOf(shipped);
        assertThat(jdbc.queryForObject("select legal_basis from deadline_rule where code = 'complaint.accept'"
                + " and valid_from = date '2026-07-01'", String.class)).startsWith("Nghị định 155/2026/NĐ-CP, Điều 10");
        assertThat(jdbc.queryForObject("select count(*) from reference_change where changed_by = 'migration V20'",
                Integer.class)).isEqualTo(3);
    }

    @Test
    void onAnEmptyCalendarItAddsNothing() {
        JdbcTemplate jdbc = freshDatabase();
        migrate(jdbc);
        assertThat(jdbc.queryForObject("select count(*) from holiday", Integer.class)).isZero();
    }

    private static JdbcTemplate freshDatabase() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:calendar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        run(jdbc, "db/migration/V2__rules_and_calendar.sql");
        return jdbc;
    }

    private static void migrate(JdbcTemplate jdbc) {
        run(jdbc, "db/migration/V20__calendar_day_kinds_and_legal_bases.sql");
    }

    private static void run(JdbcTemplate jdbc, String script) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(script));
        populator.setSqlScriptEncoding("UTF-8");
        populator.execute(jdbc.getDataSource());
    }

    private static List<CSVRecord> shippedFile() throws IOException {
        try (Reader reader = new InputStreamReader(new ClassPathResource(HolidaySeed.SOURCE).getInputStream(),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
