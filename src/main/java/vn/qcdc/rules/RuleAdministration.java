package vn.qcdc.rules;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin edits of rules and of the calendar's days; each one is recorded with who, when, old and new. */
@Service
class RuleAdministration {

    static final String RULE = "deadline_rule";
    static final String HOLIDAY = "holiday";

    private final DeadlineRuleRepository rules;
    private final HolidayRepository holidays;
    private final ReferenceChangeLog changeLog;

    RuleAdministration(DeadlineRuleRepository rules, HolidayRepository holidays, ReferenceChangeLog changeLog) {
        this.rules = rules;
        this.holidays = holidays;
        this.changeLog = changeLog;
    }

    /** @return the message key of the refusal, or null when saved */
    @Transactional
    String saveRule(DeadlineRule edited, String user) {
        if (edited.validTo() != null && edited.validTo().isBefore(edited.validFrom())) {
            return "rules.invalid-period";
        }
        DeadlineRule old = edited.id() == null ? null : rules.find(edited.id()).orElse(null);
        if (edited.id() != null && old == null) {
            return "rules.not-found";
        }
        String code = old == null ? edited.code() : old.code();
        boolean overlaps = rules.versions(code).stream()
                .filter(v -> old == null || !Objects.equals(v.id(), old.id()))
                .anyMatch(v -> !v.validFrom().isAfter(orMax(edited.validTo())) && !edited.validFrom().isAfter(orMax(v.validTo())));
        if (overlaps) {
            return "rules.overlap";
        }
        DeadlineRule toSave = new DeadlineRule(edited.id(), code, edited.amount(), edited.dayKind(), edited.legalBasis(),
                edited.description(), edited.validFrom(), edited.validTo());
        if (old == null) {
            rules.insert(toSave);
        } else {
            rules.update(toSave);
        }
        changeLog.record(user, RULE, code, old == null ? null : old.summary(), toSave.summary());
        return null;
    }

    @Transactional
    String addHoliday(Holiday holiday, String user) {
        if (holidays.exists(holiday.day())) {
            return "holidays.exists";
        }
        String refusal = holiday.kind().refusalFor(holiday.day());
        if (refusal != null) {
            return refusal;
        }
        holidays.insert(holiday);
        changeLog.record(user, HOLIDAY, holiday.day().toString(), null, holiday.summary());
        return null;
    }

    /** Switches a calendar row on or off: off, the day counts as an ordinary one (the row is kept). */
    @Transactional
    String switchHoliday(LocalDate day, boolean active, String user) {
        var existing = holidays.find(day);
        if (existing.isEmpty()) {
            return "holidays.not-found";
        }
        if (existing.get().active() == active) {
            return null;
        }
        holidays.setActive(day, active);
        Holiday after = new Holiday(day, existing.get().kind(), existing.get().nameVi(), existing.get().nameEn(), active);
        changeLog.record(user, HOLIDAY, day.toString(), existing.get().summary(), after.summary());
        return null;
    }

    @Transactional
    String removeHoliday(LocalDate day, String user) {
        var existing = holidays.find(day);
        if (existing.isEmpty()) {
            return "holidays.not-found";
        }
        holidays.delete(day);
        changeLog.record(user, HOLIDAY, day.toString(), existing.get().summary(), null);
        return null;
    }

    private static LocalDate orMax(LocalDate d) {
        return d == null ? LocalDate.MAX : d;
    }
}
