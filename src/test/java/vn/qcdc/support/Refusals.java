package vn.qcdc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.assertj.core.api.ThrowingConsumer;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.qcdc.platform.EngineRefusal;

/** What a refusal says to the user, in Vietnamese, for assertions on exceptions thrown by the engine. */
public final class Refusals {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("messages", "i18n/security", "i18n/portal", "i18n/open311", "i18n/cases", "i18n/dialogue",
                "i18n/selfcriticism", "i18n/inspection", "i18n/steering");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private Refusals() {
    }

    /** The text the user reads; for anything but a refusal, its message. */
    public static String vi(Throwable e) {
        EngineRefusal refusal = EngineRefusal.causeOf(e);
        return refusal == null ? String.valueOf(e.getMessage()) : refusal.text(MESSAGES, Locale.forLanguageTag("vi"));
    }

    public static ThrowingConsumer<Throwable> saying(String text) {
        return e -> assertThat(vi(e)).as("what the user reads").contains(text);
    }
}
