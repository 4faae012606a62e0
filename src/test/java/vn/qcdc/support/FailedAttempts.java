package vn.qcdc.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every test client comes from the same loopback address, so wrong PINs and passwords of earlier test
 * classes count against the next; tests that try wrong ones start from a clean count.
 */
public final class FailedAttempts {

    private FailedAttempts() {
    }

    public static void forget(JdbcTemplate jdbc) {
        jdbc.update("delete from attempt_throttle");
    }
}
