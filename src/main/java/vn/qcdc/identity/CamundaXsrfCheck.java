package vn.qcdc.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda's webapps check their XSRF token on every change and, when it is missing, end the user's
 * session: any page could sign an officer out with one form. This check runs first and refuses such a
 * call with a 403, leaving the session alone; Camunda's own check still follows for the rest.
 */
@Configuration
class CamundaXsrfCheck {

    static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> camundaXsrfCheckFilter(MessageSource messages, LocaleResolver locales) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Check(messages, locales));
        registration.setName("qcdc-camunda-xsrf-check");
        registration.addUrlPatterns("/camunda/api/*");
        registration.setOrder(-5);
        return registration;
    }

    /** The call carries the token Camunda keeps in this session (or there is no session to protect). */
    static boolean carriesToken(HttpServletRequest request) {
        var session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
        if (session == null) {
            return true;
        }
        String sent = request.getHeader(HEADER);
        return expected != null && sent != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    static final class Check extends OncePerRequestFilter {
        private final MessageSource messages;
        private final LocaleResolver locales;

        Check(MessageSource messages, LocaleResolver locales) {
            this.messages = messages;
            this.locales = locales;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (SAFE.contains(request.getMethod()) || carriesToken(request)) {
                chain.doFilter(request, response);
                return;
            }
            String text = messages.getMessage("engine.refused.xsrf", null, locales.resolveLocale(request));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setHeader(HEADER, "Required");
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"type\":\"Forbidden\",\"message\":\"" + text.replace("\"", "'") + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
