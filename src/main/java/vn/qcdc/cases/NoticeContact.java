package vn.qcdc.cases;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a citizen who agreed to be told is told: the contact they gave at filing, if it is an e-mail address or a
 * Vietnamese mobile number (kept as +84…); anything else (a street address, a landline) cannot be notified.
 */
record NoticeContact(Medium medium, String address) {

    enum Medium {
        EMAIL, SMS
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+84|84|0)([35789]\\d{8})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()-]");

    static Optional<NoticeContact> parse(String contact) {
        if (contact == null || contact.isBlank()) {
            return Optional.empty();
        }
        String text = contact.trim();
        if (EMAIL.matcher(text).matches()) {
            return Optional.of(new NoticeContact(Medium.EMAIL, text));
        }
        var mobile = MOBILE.matcher(SEPARATORS.matcher(text).replaceAll(""));
        if (mobile.matches()) {
            return Optional.of(new NoticeContact(Medium.SMS, "+84" + mobile.group(1)));
        }
        return Optional.empty();
    }
}
