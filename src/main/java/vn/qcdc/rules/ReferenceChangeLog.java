package vn.qcdc.rules;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who changed which rule or holiday, when, from what to what. */
@Repository
public class ReferenceChangeLog {

    public record Entry(Instant changedAt, String changedBy, String entity, String entityKey, String oldValue,
            String newValue) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReferenceChangeLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String changedBy, String entity, String entityKey, String oldValue, String newValue) {
        jdbc.update("insert into reference_change (changed_at, changed_by, entity, entity_key, old_value, new_value)"
                + " values (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), changedBy, entity, entityKey, oldValue,
                newValue);
    }

    public List<Entry> latestOf(String entity, int limit) {
        return jdbc.query("select changed_at, changed_by, entity, entity_key, old_value, new_value from reference_change"
                + " where entity = ? order by id desc fetch first " + Math.max(1, Math.min(limit, 500)) + " rows only",
                (rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), entity);
    }

    public List<Entry> latest(int limit) {
        return jdbc.query("select changed_at, changed_by, entity, entity_key, old_value, new_value from reference_change"
                + " order by id desc fetch first " + limit + " rows only",
                (rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }
}
