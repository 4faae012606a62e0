package vn.qcdc.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

@Configuration
class SecurityConfig {

    /** A request the firewall rejects (e.g. a ';' in the path) is a 400 with our error page, not a 500. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return new org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler();
    }

    /** Camunda's own sign-out call: it ends the one shared session too. */
    private static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

    /** /engine-rest and actuator scrapes: stateless HTTP Basic, never a session or a redirect. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http)
            throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("QCDC"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * The citizens' JSON API and Open311: no sign-in, so no session, no saved request, no CSRF token
     * (idempotency keys guard against replays); the security headers still apply.
     */
    @Bean
    @Order(2)
    SecurityFilterChain citizenApiChain(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(path("/api/public/**"), path("/open311/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfig::pageHeaders);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain applicationChain(HttpSecurity http)
            throws Exception {
        RequestMatcher jsonCalls = new OrRequestMatcher(
                path("/api/**"), path("/camunda/api/**"));
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/actuator/health/**", "/actuator/prometheus",
                                "/v3/api-docs/**", "/api-docs/**", "/swagger-ui/**",
                                "/portal/**").permitAll()
                        // Camunda's own sign-out, reached only when the call lacks the session's XSRF token (with it,
                        // our sign-out above ends the session first): refused, it would end the session unchecked
                        .requestMatchers(HttpMethod.POST, CAMUNDA_LOGOUT).denyAll()
                        .requestMatchers("/admin/**", "/api/admin/**").hasRole(Role.ADMIN.groupId())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.groupId())
                        // auditors read everything and change nothing: no write of ours is open to them
                        // (Camunda's own doors are guarded in the engine, see EngineWriteGuard)
                        .requestMatchers(SecurityConfig::isOwnWrite).access((authentication, context) ->
                                new AuthorizationDecision(isWriter(authentication.get())))
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof LockedException ? "/login?locked" : "/login?error")))
                        .permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                                SecurityConfig::isCamundaLogoutWithItsToken))
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID")
                        .logoutSuccessHandler(logoutSuccess()))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), jsonCalls)
                        .defaultAuthenticationEntryPointFor(toLoginPage(),
                                path("/**")))
                // Camunda's webapps carry their own CSRF protection (X-XSRF-TOKEN)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .headers(SecurityConfig::pageHeaders);
        return http.build();
    }

    /**
     * Our pages load scripts and styles from this server only, never inline script; they send no
     * referrer to other sites. Camunda's webapps and the Swagger UI set or need their own policy.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'self'";

    private static void pageHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        RequestMatcher ownPages = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !path.startsWith("/camunda/") && !path.startsWith("/swagger-ui") && !path.startsWith("/api-docs");
        };
        h.frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ownPages,
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)));
    }

    private static boolean isOwnWrite(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method))
                && !path.startsWith("/camunda/") && !path.equals("/logout") && !path.equals("/account/password");
    }

    private static boolean isWriter(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) && !ReadOnlyDoors.isReadOnly(authentication);
    }

    /**
     * Camunda's sign-out call ends the one session only with the XSRF token Camunda's webapps hold in the
     * session: a page elsewhere cannot sign anyone out.
     */
    private static boolean isCamundaLogoutWithItsToken(HttpServletRequest request) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CAMUNDA_LOGOUT).matches(request)
                && request.getSession(false) != null && CamundaXsrfCheck.carriesToken(request);
    }

    /** The sign-in page by its path: Spring's default builds the address from the request's Host header. */
    private static LoginUrlAuthenticationEntryPoint toLoginPage() {
        var entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static LogoutSuccessHandler logoutSuccess() {
        var toLoginPage = new SimpleUrlLogoutSuccessHandler();
        toLoginPage.setDefaultTargetUrl("/login?logout");
        var plainOk = new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK);
        return (request, response, authentication) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
                plainOk.onLogoutSuccess(request, response, authentication);
            } else {
                toLoginPage.onLogoutSuccess(request, response, authentication);
            }
        };
    }
}
