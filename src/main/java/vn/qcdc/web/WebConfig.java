package vn.qcdc.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Vietnamese first; English when the user switches (?lang=en) or the client asks (Accept-Language: en). */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    private final List<HandlerInterceptor> interceptors;

    WebConfig(List<HandlerInterceptor> interceptors) {
        this.interceptors = interceptors;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocales("qcdc-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return VIETNAMESE;
            }
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                return best == null ? VIETNAMESE : best;
            } catch (IllegalArgumentException e) {
                return VIETNAMESE;
            }
        });
        return resolver;
    }

    /** Vietnamese or English, nothing else: any other {@code lang} or cookie value counts as Vietnamese. */
    static final class SupportedLocales extends CookieLocaleResolver {
        SupportedLocales(String cookieName) {
            super(cookieName);
        }

        static Locale supported(Locale locale) {
            return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : VIETNAMESE;
        }

        @Override
        public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public org.springframework.context.i18n.LocaleContext resolveLocaleContext(
                jakarta.servlet.http.HttpServletRequest request) {
            Locale locale = supported(super.resolveLocaleContext(request).getLocale());
            return () -> locale;
        }

        @Override
        public void setLocaleContext(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response, org.springframework.context.i18n.LocaleContext context) {
            Locale locale = context == null ? null : context.getLocale();
            super.setLocaleContext(request, response, locale == null ? null
                    : new org.springframework.context.i18n.SimpleLocaleContext(supported(locale)));
        }
    }

    /**
     * The public JSON doors decode strictly: nothing after the document, no number or string where a
     * boolean belongs (a value the sender did not mean). Numbers where a text belongs stay accepted:
     * Open311 sends its coordinates as numbers.
     */
    @Bean
    org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .featuresToEnable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .featuresToDisable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(mapper -> {
                    for (var type : java.util.List.of(com.fasterxml.jackson.databind.type.LogicalType.Boolean)) {
                        for (var shape : java.util.List.of(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean)) {
                            mapper.coercionConfigFor(type).setCoercion(shape,
                                    com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
                        }
                    }
                });
    }

    /** Tomcat's error report (for requests that never reach the application) in Vietnamese or English. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> plainTomcatErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                // the report Tomcat builds for a request it could not parse into a servlet request
                host.setErrorReportValveClass(PlainErrorReportValve.class.getName());
            }
            var pipeline = context.getParent().getPipeline();
            for (var valve : pipeline.getValves()) {
                if (valve instanceof org.apache.catalina.valves.ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new PlainErrorReportValve());
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
        interceptors.forEach(registry::addInterceptor);
    }
}
