package vn.qcdc.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Notes on a case: PUBLIC ones the citizen reads, INTERNAL ones only officers, SUPERVISION from the People's Inspection Board. */
@Repository
public class CaseNotes {

    public enum Visibility { PUBLIC, INTERNAL, SUPERVISION }

    public record Note(long id, Visibility visibility, String author, Instant createdAt, String text) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseNotes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void add(long caseId, Visibility visibility, String author, String text) {
        jdbc.update("insert into case_note (case_id, visibility, author, created_at, text) values (?, ?, ?, ?, ?)",
                caseId, visibility.name(), author, Timestamp.from(clock.instant()), text);
    }

    public List<Note> of(long caseId) {
        return jdbc.query("select id, visibility, author, created_at, text from case_note where case_id = ? order by id",
                (rs, i) -> new Note(rs.getLong(1), Visibility.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)), caseId);
    }

    public List<Note> publicOf(long caseId) {
        return of(caseId).stream().filter(n -> n.visibility() == Visibility.PUBLIC).toList();
    }
}
