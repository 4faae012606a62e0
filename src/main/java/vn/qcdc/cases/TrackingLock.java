package vn.qcdc.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.qcdc.platform.AttemptThrottle;

/**
 * Guessing a 6-digit PIN stays hopeless, and a stranger cannot lock a citizen out of their own case:
 * wrong PINs lock the code for the address they come from ({@value #CODE_AT_ADDRESS_FAILURES} in a
 * row: 15 minutes, then longer), an address guessing many codes is stopped ({@value #ADDRESS_FAILURES}
 * within 15 minutes), and a code guessed from many addresses at once is closed for an hour after
 * {@value #CODE_FAILURES} failures in a day.
 */
@Component
class TrackingLock {

    static final int CODE_AT_ADDRESS_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final int CODE_FAILURES = 50;
    static final AttemptThrottle.Policy CODE_AT_ADDRESS = new AttemptThrottle.Policy(CODE_AT_ADDRESS_FAILURES, null,
            Duration.ofMinutes(15), Duration.ofHours(2));
    static final AttemptThrottle.Policy ADDRESS = new AttemptThrottle.Policy(ADDRESS_FAILURES, Duration.ofMinutes(15),
            Duration.ofMinutes(15), Duration.ofHours(2));
    static final AttemptThrottle.Policy CODE = new AttemptThrottle.Policy(CODE_FAILURES, Duration.ofDays(1),
            Duration.ofHours(1), Duration.ofHours(1));

    private final AttemptThrottle throttle;

    TrackingLock(AttemptThrottle throttle) {
        this.throttle = throttle;
    }

    /** Until when this address may not try this code (null code: an input that is no tracking code at all). */
    Optional<Instant> lockedUntil(String code, String address) {
        return throttle.lockedUntil(code == null ? List.of(addressKey(address))
                : List.of(codeAtAddressKey(code, address), addressKey(address), codeKey(code)));
    }

    void failed(String code, String address) {
        throttle.failed(addressKey(address), ADDRESS);
        if (code != null) {
            throttle.failed(codeAtAddressKey(code, address), CODE_AT_ADDRESS);
            throttle.failed(codeKey(code), CODE);
        }
    }

    void succeeded(String code, String address) {
        throttle.succeeded(codeAtAddressKey(code, address));
    }

    /** A new PIN was issued: the code's count across addresses starts again. */
    void newPin(String code) {
        throttle.succeeded(codeKey(code));
    }

    private static String codeAtAddressKey(String code, String address) {
        return AttemptThrottle.key("pin", "code-at", code, address(address));
    }

    private static String addressKey(String address) {
        return AttemptThrottle.key("pin", "address", address(address));
    }

    private static String codeKey(String code) {
        return AttemptThrottle.key("pin", "code", code);
    }

    private static String address(String address) {
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
