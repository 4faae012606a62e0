package vn.qcdc.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.MessageSource;

/**
 * A user's mistake or a forbidden write, refused by the engine with a message for the user. It is a
 * form validation failure to the engine, so Camunda's REST answers 400 and rolls everything back. The
 * message carries its key and arguments between markers; {@code identity.EngineErrorMessages} turns it into the
 * user's language on every door, and {@link #text} does the same for our own pages.
 */
public class EngineRefusal extends FormFieldValidationException {

    static final char OPEN = '\u27E6';
    static final char CLOSE = '\u27E7';
    private static final char SEPARATOR = '\u241F';
    private static final Pattern MARKED = Pattern.compile(OPEN + "([^" + CLOSE + "]*)" + CLOSE);

    private final String messageKey;
    private final transient Object[] args;

    public EngineRefusal(String messageKey, Object... args) {
        super(messageKey, encode(messageKey, args));
        this.messageKey = messageKey;
        this.args = plain(args);
    }

    /** Arguments as the text they are shown as, the same whether resolved here or from a door's message. */
    private static Object[] plain(Object[] args) {
        return Arrays.stream(args).map(a -> (Object) Objects.toString(a)).toArray();
    }

    /** One key and its arguments, of a refusal that names several problems. */
    public record Problem(String messageKey, Object... args) {
    }

    private EngineRefusal(List<Problem> problems) {
        super(problems.get(0).messageKey(), problems.stream().map(p -> encode(p.messageKey(), p.args()))
                .distinct().collect(Collectors.joining(" ")));
        this.messageKey = problems.get(0).messageKey();
        this.args = plain(problems.get(0).args());
    }

    /** A refusal naming every problem found, each shown to the user in their language. */
    public static EngineRefusal of(List<Problem> problems) {
        return problems.size() == 1 ? new EngineRefusal(problems.get(0).messageKey(), problems.get(0).args())
                : new EngineRefusal(problems);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public String text(MessageSource messages, Locale locale) {
        return resolve(messages, messageKey, args, locale);
    }

    /** A message that cannot be formatted still says that the request was refused, never shows a key. */
    private static String resolve(MessageSource messages, String key, Object[] args, Locale locale) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (RuntimeException e) {
            return messages.getMessage("error.page.400", null, "Yêu cầu không hợp lệ.", locale);
        }
    }

    private static String encode(String key, Object[] args) {
        StringBuilder marked = new StringBuilder().append(OPEN).append(key);
        for (Object arg : args) {
            marked.append(SEPARATOR).append(clean(Objects.toString(arg)));
        }
        return marked.append(CLOSE).toString();
    }

    private static String clean(String arg) {
        return arg.replace(OPEN, ' ').replace(CLOSE, ' ').replace(SEPARATOR, ' ');
    }

    /** The refusal inside a message an engine door built around ours, in the user's language; null if none. */
    public static String findIn(String message, MessageSource messages, Locale locale) {
        if (message == null) {
            return null;
        }
        Matcher m = MARKED.matcher(message);
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            String[] parts = m.group(1).split(String.valueOf(SEPARATOR), -1);
            Object[] args = Arrays.copyOfRange(parts, 1, parts.length, Object[].class);
            String text = resolve(messages, parts[0], args, locale);
            if (!texts.contains(text)) {
                texts.add(text);
            }
        }
        return texts.isEmpty() ? null : String.join(" ", texts);
    }

    /** The refusal behind an exception, however the engine wrapped it; null if there is none. */
    public static EngineRefusal causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EngineRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
