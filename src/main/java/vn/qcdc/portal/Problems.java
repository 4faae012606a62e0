package vn.qcdc.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.qcdc.platform.Refusal;


/** Turns the cases module's refusals into messages in the reader's language, field by field. */
@Component
class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, List<String>> byField(List<Refusal.Problem> problems, Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Refusal.Problem p : problems) {
            byField.computeIfAbsent(p.field(), f -> new ArrayList<>())
                    .add(messages.getMessage(p.messageKey(), p.args(), locale));
        }
        return byField;
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

}
