package vn.qcdc.rules;

import java.time.LocalDate;

public record DeadlineRule(
        Long id,
        String code,
        int amount,
        DayKind dayKind,
        String legalBasis,
        String description,
        LocalDate validFrom,
        LocalDate validTo) {

    public boolean inForceOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** A compact form for the change log. */
    String summary() {
        return "%s: %d %s, %s, %s – %s".formatted(code, amount, dayKind, legalBasis, validFrom,
                validTo == null ? "" : validTo);
    }
}
