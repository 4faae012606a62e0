package vn.qcdc.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.qcdc.platform.AttemptThrottle;

/**
 * Slows down password guessing without letting a stranger lock anyone out for good: after
 * {@value #ACCOUNT_FAILURES} wrong passwords in a row an account is locked for a minute, each further
 * lock twice as long, at most {@link #MAX_ACCOUNT_LOCK}; a client address with {@value #ADDRESS_FAILURES}
 * failures within {@link #ADDRESS_WINDOW} is refused for that long. A right password (once unlocked)
 * clears the account's count; an admin can lift any lock.
 */
@Component
public class SignInThrottle {

    static final int ACCOUNT_FAILURES = 5;
    static final Duration MAX_ACCOUNT_LOCK = Duration.ofMinutes(30);
    static final int ADDRESS_FAILURES = 30;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    static final AttemptThrottle.Policy ACCOUNT = new AttemptThrottle.Policy(ACCOUNT_FAILURES, null,
            Duration.ofMinutes(1), MAX_ACCOUNT_LOCK);
    static final AttemptThrottle.Policy ADDRESS = new AttemptThrottle.Policy(ADDRESS_FAILURES, ADDRESS_WINDOW,
            ADDRESS_WINDOW, ADDRESS_WINDOW);
    private static final String PREFIX = "sign-in";

    private final AttemptThrottle throttle;

    SignInThrottle(AttemptThrottle throttle) {
        this.throttle = throttle;
    }

    /** A lock as the admins' page shows it. */
    public record Lock(String key, boolean account, String subject, Instant lockedUntil) {
    }

    static String accountKey(String userId) {
        return AttemptThrottle.key(PREFIX, "user", userId);
    }

    static String addressKey(String address) {
        return AttemptThrottle.key(PREFIX, "address", address == null ? "unknown" : address);
    }

    Optional<Instant> lockedUntil(String userId, String address) {
        return throttle.lockedUntil(List.of(accountKey(userId), addressKey(address)));
    }

    void failed(String userId, String address) {
        throttle.failed(accountKey(userId), ACCOUNT);
        throttle.failed(addressKey(address), ADDRESS);
    }

    void succeeded(String userId) {
        throttle.succeeded(accountKey(userId));
    }

    List<Lock> currentLocks() {
        return throttle.currentLocks(PREFIX + ":").stream().map(l -> {
            String[] parts = l.key().split(":", 3);
            return new Lock(l.key(), "user".equals(parts[1]), parts[2], l.lockedUntil());
        }).toList();
    }

    boolean lift(String key) {
        return key.startsWith(PREFIX + ":") && throttle.lift(key);
    }
}
