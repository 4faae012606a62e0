package vn.qcdc.petitions;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** After {@value #MAX_FAILURES} wrong PINs a tracking code is locked for a while: guessing a 6-digit PIN stays hopeless. */
@Component
class TrackingLock {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;

    TrackingLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean locked(String code, Instant now) {
        return jdbc.query("select locked_until from tracking_lock where tracking_code = ?",
                (rs, i) -> rs.getTimestamp(1), code).stream()
                .anyMatch(until -> until != null && until.toInstant().isAfter(now));
    }

    void failed(String code, Instant now) {
        int updated = jdbc.update("update tracking_lock set failures = failures + 1 where tracking_code = ?", code);
        if (updated == 0) {
            jdbc.update("insert into tracking_lock (tracking_code, failures) values (?, 1)", code);
        }
        jdbc.update("update tracking_lock set locked_until = ?, failures = 0 where tracking_code = ? and failures >= ?",
                Timestamp.from(now.plus(LOCK)), code, MAX_FAILURES);
    }

    void succeeded(String code) {
        jdbc.update("delete from tracking_lock where tracking_code = ?", code);
    }
}
