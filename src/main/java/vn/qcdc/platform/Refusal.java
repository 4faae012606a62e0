package vn.qcdc.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * A request our code refuses, with what to tell the user: the message key and arguments of each problem (in the
 * bundles, vi and en), the field it concerns where there is one, and the HTTP status every door answers with.
 * Refusals inside an engine step are {@link EngineRefusal}s instead, which the engine understands.
 */
public class Refusal extends RuntimeException {

    /** One thing wrong; {@code field} names the input it concerns, or is null. */
    public record Problem(String field, String messageKey, Object... args) {

        public Problem {
            Objects.requireNonNull(messageKey);
            args = args == null ? new Object[0] : args;
        }

        public String text(MessageSource messages, Locale locale) {
            return messages.getMessage(messageKey, args, locale);
        }
    }

    private final HttpStatus status;
    private final transient List<Problem> problems;

    public Refusal(String messageKey, Object... args) {
        this(HttpStatus.BAD_REQUEST, messageKey, args);
    }

    public Refusal(HttpStatus status, String messageKey, Object... args) {
        this(status, List.of(new Problem(null, messageKey, args)));
    }

    public Refusal(HttpStatus status, List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one problem");
        }
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    /** A refusal of one input field. */
    public static Refusal ofField(String field, String messageKey, Object... args) {
        return new Refusal(HttpStatus.BAD_REQUEST, List.of(new Problem(field, messageKey, args)));
    }

    public static Refusal ofField(HttpStatus status, String field, String messageKey, Object... args) {
        return new Refusal(status, List.of(new Problem(field, messageKey, args)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's key: the refusal's own when it names one problem. */
    public String messageKey() {
        return problems.get(0).messageKey();
    }

    public Object[] args() {
        return problems.get(0).args().clone();
    }

    /** Every problem in the user's language, one sentence after another. */
    public String text(MessageSource messages, Locale locale) {
        return problems.stream().map(p -> p.text(messages, locale)).distinct().collect(Collectors.joining(" "));
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.messageKey() + (p.args().length == 0 ? "" : " " + Arrays.toString(p.args())))
                .collect(Collectors.joining("; "));
    }
}
