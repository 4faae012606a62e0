package vn.qcdc.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most N actions per client address in a sliding window, for the public forms (comments,
 * questions). Kept in memory, so each application node counts on its own.
 */
public class SlidingWindowLimit {

    static final int FORGET_IDLE_CLIENTS_ABOVE = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public SlidingWindowLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one action from this client now, or answers false when the client is over the limit. */
    public boolean tryAcquire(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(client == null ? "?" : client, c -> new ArrayDeque<>());
        boolean acquired;
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.pollFirst();
            }
            acquired = times.size() < limit;
            if (acquired) {
                times.addLast(now);
            }
        }
        if (recent.size() > FORGET_IDLE_CLIENTS_ABOVE) {
            recent.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(window)));
        }
        return acquired;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /** Tests share one server and one client address. */
    public void clear() {
        recent.clear();
    }
}
