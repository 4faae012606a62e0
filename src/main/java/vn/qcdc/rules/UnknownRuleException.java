package vn.qcdc.rules;

import java.time.LocalDate;

/** No rule of that code is in force on that day: a modelling or data error, never a silent default. */
public class UnknownRuleException extends RuntimeException {

    private final String code;
    private final LocalDate day;

    UnknownRuleException(String code, LocalDate day) {
        super("No deadline rule '" + code + "' in force on " + day);
        this.code = code;
        this.day = day;
    }

    public String code() {
        return code;
    }

    public LocalDate day() {
        return day;
    }
}
