package vn.qcdc.web;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One structured line per request: method, path, status, duration, request id. Never the query
 * string, body, user or address: they may carry a citizen's data or a case PIN.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("vn.qcdc.web.RequestLog");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // correlates log lines, guards nothing: a cheap random number, not SecureRandom's lock
        String requestId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        long start = System.nanoTime();
        MDC.put("requestId", requestId);
        response.setHeader("X-Request-Id", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isInfoEnabled() && !request.getRequestURI().startsWith("/webjars/")) {
                long durationMs = (System.nanoTime() - start) / 1_000_000;
                // key-values for structured (ECS) logs, the same facts in the message for plain logs
                log.atInfo()
                        .addKeyValue("method", request.getMethod())
                        .addKeyValue("path", request.getRequestURI())
                        .addKeyValue("status", response.getStatus())
                        .addKeyValue("durationMs", durationMs)
                        .log("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(), durationMs);
            }
            MDC.remove("requestId");
        }
    }
}
