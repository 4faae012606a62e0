package vn.qcdc.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * An error answered as JSON by Spring Boot's error page says what happened in the user's language
 * (the HTML error page does so from its template): never an exception, never a stack trace.
 */
@Component
class LocalizedErrorAttributes extends DefaultErrorAttributes {

    private final MessageSource messages;
    private final LocaleResolver locales;

    LocalizedErrorAttributes(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Locale locale = request instanceof ServletWebRequest web ? locales.resolveLocale(web.getRequest()) : WebConfig.VIETNAMESE;
        Object status = attributes.get("status");
        attributes.put("error", messages.getMessage("error.title." + status, null,
                messages.getMessage("error.title.other", null, locale), locale));
        attributes.put("message", messages.getMessage("error.page." + status, null,
                messages.getMessage("error.page.other", null, locale), locale));
        attributes.remove("trace");
        attributes.remove("exception");
        return attributes;
    }
}
