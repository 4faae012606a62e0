package vn.qcdc.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query parameters of a page's filters, read one by one: a blank value counts as absent, anything malformed is
 * a {@link Refusal} naming the parameter (with the page's own message key).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A user's text echoed in a message, cut short. */
    public static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** A code of {@code pattern}'s shape; refused with {@code messageKey} and the parameter's name. */
    public static String code(Map<String, String> params, String name, Pattern pattern, String messageKey) {
        String value = blankToNull(params.get(name));
        if (value != null && !pattern.matcher(value).matches()) {
            throw new Refusal(messageKey, name);
        }
        return value;
    }

    /** An ISO date (year-month-day); refused with {@code messageKey}, the parameter's name and the value. */
    public static LocalDate date(Map<String, String> params, String name, String messageKey) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refusal(messageKey, name, shown(value));
        }
    }

    /** A whole number from {@code min} to {@code max}; refused with {@code messageKey}, the name and the bounds. */
    public static int number(Map<String, String> params, String name, int min, int max, int fallback, String messageKey) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Refusal(messageKey, name, min, max);
    }

    /** A sort direction: "asc", "desc", or null when absent; anything else refused with {@code messageKey} and the value. */
    public static String direction(Map<String, String> params, String messageKey) {
        String dir = blankToNull(params.get("dir"));
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw new Refusal(messageKey, shown(dir));
        }
        return dir;
    }

    /** One parameter of a link back to a filtered page; an absent value leaves it out. */
    public static void putPresent(Map<String, String> params, String name, Object value) {
        if (value != null) {
            params.put(name, value.toString());
        }
    }
}
