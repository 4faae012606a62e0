package vn.qcdc.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Requests no page of ours has: path parameters (";..."), which some servlets below would take apart
 * differently from the security filters, a form larger than any of ours, and the error page asked for
 * directly. Each gets a plain 4xx page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestShapeFilter extends OncePerRequestFilter {

    /** As server.tomcat.max-http-form-post-size: far above the longest form of ours (10,000 characters of text), and room for a citizen to be told a text is too long. */
    static final long MAX_FORM_BYTES = 4 * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.indexOf(';') >= 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && request.getContentLengthLong() > MAX_FORM_BYTES) {
            // Tomcat would drop every field of such a form, its CSRF token too, and the page would say "no permission"
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && uri.substring(request.getContextPath().length()).equals("/error")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
