package vn.qcdc.platform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads what a Camunda Form submitted (strings, numbers, dates as text or Date) in the steps of the
 * processes; a bad value fails the step with a Vietnamese message and the form stays open.
 */
public final class FormValues {

    private FormValues() {
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    /** The non-blank lines of a text area, trimmed. */
    public static List<String> lines(Object value) {
        return text(value).lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * The codes of a multiple choice, each once, in order: a form-js tag list or checklist submits a list (a Json
     * array in Tasklist), a REST caller may send them as text separated by commas, semicolons or spaces.
     */
    public static List<String> codes(Object value) {
        Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
        Stream<String> items;
        if (plain instanceof Collection<?> list) {
            items = list.stream().map(String::valueOf);
        } else if (plain instanceof SpinJsonNode json && json.isArray()) {
            items = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString());
        } else {
            items = Arrays.stream(text(plain).replace("[", " ").replace("]", " ").replace("\"", " ").split("[,;\\s]+"));
        }
        return items.map(String::trim).filter(c -> !c.isEmpty()).distinct().toList();
    }

    /** {@code s}, refused when longer than {@code max} characters. */
    public static String limit(String s, int max) {
        if (s.length() > max) {
            throw new EngineRefusal("form.text-too-long", max);
        }
        return s;
    }

    public static int number(Object value, String label) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(text(value));
        } catch (NumberFormatException e) {
            throw new EngineRefusal("form.number-required", label);
        }
    }

    /**
     * A day from a date picker ("2026-12-01" or "2026-12-01T09:00") or a Date, the day it is in {@code zone}
     * (the configured one, {@code clock.getZone()}).
     */
    public static LocalDate date(Object value, String label, ZoneId zone) {
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), zone);
        }
        String s = text(value);
        if (s.isEmpty()) {
            throw new EngineRefusal("form.required", label);
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new EngineRefusal("form.date-invalid", label, s);
        }
    }
}
