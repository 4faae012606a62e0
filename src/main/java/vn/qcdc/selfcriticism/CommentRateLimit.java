package vn.qcdc.selfcriticism;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** At most N public comments per client address in a sliding window (default 5 per 10 minutes), in memory. */
@Component
class CommentRateLimit {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    CommentRateLimit(@Value("${qcdc.selfcriticism.comments-per-window:5}") int limit,
            @Value("${qcdc.selfcriticism.comment-window:PT10M}") Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Counts one comment from this address, or answers false when the address is over the limit. */
    boolean tryAcquire(String client, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /** Tests share one server and one client address. */
    void clear() {
        recent.clear();
    }
}
