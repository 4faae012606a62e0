package vn.qcdc.platform;

import java.util.regex.Pattern;

/** What every door does with text a user sends, and with text it hands to a spreadsheet. */
public final class PlainText {

    /**
     * Control characters other than tab, line feed and carriage return, non-characters, and the
     * replacement character a decoder leaves for bytes that were not UTF-8: never part of a letter.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x{FFFD}\\x{FFFE}\\x{FFFF}]");

    private PlainText() {
    }

    public static boolean hasControlCharacters(String text) {
        return text != null && CONTROL.matcher(text).find();
    }

    /**
     * A cell a spreadsheet shows as text: a value starting with {@code = + - @}, a tab or a carriage
     * return would be read as a formula, so it is prefixed with an apostrophe.
     */
    public static String spreadsheetSafe(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
