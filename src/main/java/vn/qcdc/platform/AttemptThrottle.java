package vn.qcdc.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed attempts per key (an account, a client address, a tracking code) in the database, so
 * every node sees the same, and locks a key for a while when it fails too often. Locks end by
 * themselves; time is the engine's clock, so tests move it instead of waiting.
 */
@Component
public class AttemptThrottle {

    private static final int MAX_KEY = 200;

    /**
     * When a key is locked: after {@code failures} failures (within {@code window}, or in a row until a
     * success when the window is null), for {@code firstLock}, each further lock twice as long up to
     * {@code maxLock}.
     */
    public record Policy(int failures, Duration window, Duration firstLock, Duration maxLock) {
        public Duration lockAfter(int earlierLocks) {
            Duration lock = firstLock.multipliedBy(1L << Math.min(earlierLocks, 20));
            return lock.compareTo(maxLock) > 0 ? maxLock : lock;
        }
    }

    public record Lock(String key, int failures, Instant lockedUntil) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AttemptThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String key(String... parts) {
        String key = String.join(":", parts);
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    /** The latest end of the locks in force on any of these keys; empty when none is locked. */
    public Optional<Instant> lockedUntil(Collection<String> keys) {
        Timestamp now = Timestamp.from(clock.instant());
        return keys.stream().flatMap(k -> jdbc.queryForList("select locked_until from attempt_throttle where"
                + " throttle_key = ? and locked_until > ?", Timestamp.class, k, now).stream())
                .map(Timestamp::toInstant).max(Instant::compareTo);
    }

    /** One more failure on {@code key}; in its own transaction, so it counts even when the caller's rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String key, Policy policy) {
        Instant now = clock.instant();
        if (jdbc.update("update attempt_throttle set failures = failures + 1 where throttle_key = ?", key) == 0) {
            try {
                jdbc.update("insert into attempt_throttle (throttle_key, failures, window_start, locks) values (?, 1, ?, 0)",
                        key, Timestamp.from(now));
            } catch (DuplicateKeyException raced) {
                jdbc.update("update attempt_throttle set failures = failures + 1 where throttle_key = ?", key);
            }
        }
        if (policy.window() != null) {
            // failures older than the window are forgotten
            jdbc.update("update attempt_throttle set failures = 1, window_start = ? where throttle_key = ? and window_start < ?",
                    Timestamp.from(now), key, Timestamp.from(now.minus(policy.window())));
        }
        var row = jdbc.queryForMap("select failures, locks from attempt_throttle where throttle_key = ?", key);
        if (((Number) row.get("failures")).intValue() >= policy.failures()) {
            Duration lock = policy.lockAfter(((Number) row.get("locks")).intValue());
            jdbc.update("update attempt_throttle set failures = 0, window_start = ?, locks = locks + 1, locked_until = ?"
                    + " where throttle_key = ?", Timestamp.from(now), Timestamp.from(now.plus(lock)), key);
        }
    }

    /** A success: the key's count starts again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String key) {
        jdbc.update("delete from attempt_throttle where throttle_key = ?", key);
    }

    public List<Lock> currentLocks(String keyPrefix) {
        return jdbc.query("select throttle_key, failures, locked_until from attempt_throttle where locked_until > ?"
                + " and throttle_key like ? order by locked_until desc", (rs, i) -> new Lock(rs.getString(1), rs.getInt(2),
                rs.getTimestamp(3).toInstant()), Timestamp.from(clock.instant()), keyPrefix + "%");
    }

    @Transactional
    public boolean lift(String key) {
        return jdbc.update("delete from attempt_throttle where throttle_key = ?", key) > 0;
    }
}
