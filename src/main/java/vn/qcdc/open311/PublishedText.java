package vn.qcdc.open311;

import java.util.regex.Pattern;

/**
 * What Open311 publishes of a citizen's own words: e-mail addresses, phone numbers and identity-card
 * numbers a citizen may have typed into the text are hidden, the rest is left as written.
 */
final class PublishedText {

    static final String HIDDEN = "[đã ẩn]";
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");
    // Vietnamese phone numbers: 0 or +84, then 9 or 10 digits, spaces, dots or dashes between groups
    private static final Pattern PHONE = Pattern.compile("(?<![\\d.])(?:\\+84[\\s.-]?|0)\\d(?:[\\s.-]?\\d){8,9}(?![\\d])");
    // identity-card numbers, written without separators: CMND 9 digits, CCCD 12
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![\\d.])(?:\\d{12}|\\d{9})(?![\\d])");

    private PublishedText() {
    }

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String hidden = EMAIL.matcher(text).replaceAll(HIDDEN);
        hidden = PHONE.matcher(hidden).replaceAll(HIDDEN);
        return ID_NUMBER.matcher(hidden).replaceAll(HIDDEN);
    }
}
