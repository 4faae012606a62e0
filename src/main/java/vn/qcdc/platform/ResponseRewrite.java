package vn.qcdc.platform;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A filter that may rewrite a successful answer of the engine's REST API before it leaves: the answer is held,
 * {@link #rewrite} sees it only when the engine answered 200 (so only what the user was allowed to read), and
 * returns it unchanged (the same array) or a new body.
 */
public abstract class ResponseRewrite extends OncePerRequestFilter {

    protected abstract byte[] rewrite(HttpServletRequest request, byte[] body) throws IOException;

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        byte[] body = capture.getContentAsByteArray();
        if (capture.getStatus() == HttpServletResponse.SC_OK && body.length > 0) {
            byte[] rewritten = rewrite(request, body);
            if (rewritten != body) {
                capture.resetBuffer();
                capture.getOutputStream().write(rewritten);
            }
        }
        capture.copyBodyToResponse();
    }
}
