package vn.qcdc.identity;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the user Spring Security signed in over to Camunda: the webapps (Tasklist, Cockpit, Admin)
 * and /engine-rest read the servlet principal, so there is one sign-in and the engine's
 * authorizations apply to every request.
 */
@Configuration
class CamundaSingleSignOn {

    // Both run after Spring Security's filter chain (order -100), which sets the principal.
    private static final int AFTER_SPRING_SECURITY = 0;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("qcdc-webapp-sso");
        registration.setInitParameters(
                Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestSignOn() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("qcdc-engine-rest-auth");
        registration.setInitParameters(
                Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
