package vn.qcdc.rules;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;

import vn.qcdc.platform.Refusal;

/** No rule of that code is in force on that day: a 404 to an API caller, a failed step to the engine. */
public class UnknownRuleException extends Refusal {

    private final String code;
    private final LocalDate day;

    UnknownRuleException(String code, LocalDate day) {
        super(HttpStatus.NOT_FOUND, "rules.unknown", code, day);
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
