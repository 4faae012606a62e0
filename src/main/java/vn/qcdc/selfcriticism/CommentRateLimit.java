package vn.qcdc.selfcriticism;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.qcdc.platform.SlidingWindowLimit;

/** Public comments per client address (default 5 per 10 minutes). */
@Component
class CommentRateLimit extends SlidingWindowLimit {

    CommentRateLimit(@Value("${qcdc.selfcriticism.comments-per-window:5}") int limit,
            @Value("${qcdc.selfcriticism.comment-window:PT10M}") Duration window, Clock clock) {
        super(limit, window, clock);
    }
}
