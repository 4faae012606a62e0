package vn.qcdc.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.qcdc.platform.EngineRefusal;

/**
 * Auditors read, through Camunda's REST doors as everywhere: any call of theirs that is not a read is
 * answered 403 before it reaches the engine. The engine refuses such writes too ({@link EngineWriteGuard}),
 * but some REST resources turn any engine failure into a 400 of their own; this keeps the answer
 * honest. Reads are GET, and the POST queries the REST API and Cockpit offer (a body holding the
 * query's criteria).
 */
@Configuration
class ReadOnlyDoors {

    /** POST endpoints that only query: collections of the runtime and history APIs, their counts, Cockpit's plugin queries. */
    static final Pattern QUERY_POST = Pattern.compile("(/camunda/api/engine/engine/[^/]+|/engine-rest)(/engine/[^/]+)?"
            + "(/history)?/(task|process-instance|execution|variable-instance|job|job-definition|external-task|incident"
            + "|activity-instance|detail|decision-instance|job-log|identity-link-log|user-operation|external-task-log"
            + "|process-definition|decision-definition|deployment|batch|authorization|case-instance|case-execution"
            + "|process-instance/report|task/report)(/count)?"
            + "|/camunda/api/cockpit/plugin/[^/]+/[^/]+/[a-z-]+(/[a-z-]+)?(/count)?"
            + "|/camunda/api/admin/auth/user/[^/]+/logout");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> readOnlyDoorsFilter(MessageSource messages, LocaleResolver locales) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(messages, locales));
        registration.setName("qcdc-read-only-doors");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(-2);
        return registration;
    }

    static boolean isReadOnly(Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        var roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return roles.contains(Role.AUDITOR.authority()) && !roles.contains(Role.ADMIN.authority());
    }

    static final class Filter extends OncePerRequestFilter {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final MessageSource messages;
        private final LocaleResolver locales;

        Filter(MessageSource messages, LocaleResolver locales) {
            this.messages = messages;
            this.locales = locales;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String method = request.getMethod();
            boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                    || ("POST".equals(method) && QUERY_POST.matcher(
                            request.getRequestURI().substring(request.getContextPath().length())).matches());
            if (read || !isReadOnly(SecurityContextHolder.getContext().getAuthentication())) {
                chain.doFilter(request, response);
                return;
            }
            String text = new EngineRefusal("engine.refused.read-only").text(messages, locales.resolveLocale(request));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(JSON.writeValueAsString(
                    java.util.Map.of("type", "AuthorizationException", "message", text)).getBytes(StandardCharsets.UTF_8));
        }
    }
}
