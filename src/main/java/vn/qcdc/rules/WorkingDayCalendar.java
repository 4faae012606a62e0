package vn.qcdc.rules;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * Working days: Monday to Friday, less the public holidays and swapped days off an admin keeps in the holiday table,
 * plus the make-up working days (a Saturday worked for a swapped day off) kept there too. Rows switched off count
 * as ordinary days.
 */
@Component
public class WorkingDayCalendar {

    private final HolidayRepository holidays;

    WorkingDayCalendar(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    public boolean isWorkingDay(LocalDate day) {
        return holidays.exceptionsBetween(day, day).isWorkingDay(day);
    }

    /** How many working days lie after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        CalendarExceptions days = holidays.exceptionsBetween(from.plusDays(1), to);
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (days.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The working days of one stretch, read from the holiday table once: for callers that count many intervals
     * inside it (a page of late tasks), instead of one holiday query per interval.
     */
    public Span span(LocalDate from, LocalDate to) {
        return new Span(from, to, to.isBefore(from) ? CalendarExceptions.NONE : holidays.exceptionsBetween(from, to));
    }

    public final class Span {
        private final LocalDate from;
        private final LocalDate to;
        private final CalendarExceptions days;

        private Span(LocalDate from, LocalDate to, CalendarExceptions days) {
            this.from = from;
            this.to = to;
            this.days = days;
        }

        /** As {@link WorkingDayCalendar#workingDaysAfter}; outside the span it asks the calendar. */
        public int workingDaysAfter(LocalDate start, LocalDate end) {
            if (start.isBefore(from) || end.isAfter(to)) {
                return WorkingDayCalendar.this.workingDaysAfter(start, end);
            }
            int n = 0;
            for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
                if (days.isWorkingDay(d)) {
                    n++;
                }
            }
            return n;
        }
    }

    /** The n-th working day before {@code start} (the day itself does not count). */
    public LocalDate subtractWorkingDays(LocalDate start, int n) {
        return nthWorkingDay(start, n, -1);
    }

    /** The n-th working day after {@code start} (the day of receipt itself does not count). */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return nthWorkingDay(start, n, 1);
    }

    private LocalDate nthWorkingDay(LocalDate start, int n, int direction) {
        LocalDate far = start.plusDays(direction * (n * 3L + 60));
        CalendarExceptions days = direction > 0 ? holidays.exceptionsBetween(start, far)
                : holidays.exceptionsBetween(far, start);
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(direction);
            if (days.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * {@code day} itself if it is a working day, else the next one: where a calendar-day period ending on a day off
     * runs to (Civil Code 2015, Art. 148(5)); a make-up Saturday is a working day here too.
     */
    public LocalDate onOrNextWorkingDay(LocalDate day) {
        CalendarExceptions days = holidays.exceptionsBetween(day, day.plusDays(60));
        LocalDate d = day;
        while (!days.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
