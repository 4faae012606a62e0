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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
        interceptors.forEach(registry::addInterceptor);
    }
}
