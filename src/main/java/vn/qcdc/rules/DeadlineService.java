package vn.qcdc.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.stereotype.Service;

/**
 * Answers "when is rule R due for a case received at T", using the rule in force on the day of
 * receipt. Every statutory timer and task due date in the BPMN calls it as {@code deadlines}, e.g.
 * {@code camunda:dueDate="${deadlines.due('petition.respond', receivedAt)}"}.
 */
@Service("deadlines")
public class DeadlineService {

    /** A deadline runs to the end of its last day. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final DeadlineRuleRepository rules;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    DeadlineService(DeadlineRuleRepository rules, WorkingDayCalendar calendar, Clock clock) {
        this.rules = rules;
        this.calendar = calendar;
        this.zone = clock.getZone();
    }

    public Date due(String ruleCode, Date receivedAt) {
        return Date.from(dueInstant(ruleCode, receivedAt.toInstant()));
    }

    public Instant dueInstant(String ruleCode, Instant receivedAt) {
        LocalDate received = receivedAt.atZone(zone).toLocalDate();
        return ZonedDateTime.of(dueDay(ruleCode, received), END_OF_DAY, zone).toInstant();
    }

    /** The last moment of a day in Vietnamese time: when a deadline falling on that day runs out. */
    public Date endOf(LocalDate day) {
        return Date.from(ZonedDateTime.of(day, END_OF_DAY, zone).toInstant());
    }

    public LocalDate dueDay(String ruleCode, LocalDate receivedDay) {
        DeadlineRule rule = ruleInForce(ruleCode, receivedDay);
        return switch (rule.dayKind()) {
            case WORKING -> calendar.addWorkingDays(receivedDay, rule.amount());
            case CALENDAR -> calendar.onOrNextWorkingDay(receivedDay.plusDays(rule.amount()));
        };
    }

    public DeadlineRule ruleInForce(String ruleCode, LocalDate day) {
        return rules.inForce(ruleCode, day).orElseThrow(() -> new UnknownRuleException(ruleCode, day));
    }

    /** Every version of a rule, oldest first: for callers that resolve many days of one rule at once. */
    public java.util.List<DeadlineRule> versionsOf(String ruleCode) {
        return rules.versions(ruleCode);
    }

    /** {@link #versionsOf} for several rules in one read; a code without rows maps to an empty list. */
    public java.util.Map<String, java.util.List<DeadlineRule>> versionsOf(java.util.Collection<String> ruleCodes) {
        return rules.versions(ruleCodes);
    }

    /** The configured zone: the clock's. */
    public ZoneId zone() {
        return zone;
    }
}
