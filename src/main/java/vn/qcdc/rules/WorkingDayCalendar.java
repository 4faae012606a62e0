package vn.qcdc.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Working days: Monday to Friday, less the public holidays an admin keeps in the holiday table. */
@Component
public class WorkingDayCalendar {

    private final HolidayRepository holidays;

    WorkingDayCalendar(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, holidays.daysBetween(day, day));
    }

    /** How many working days lie after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Set<LocalDate> off = holidays.daysBetween(from.plusDays(1), to);
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d, off)) {
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
        return new Span(from, to, to.isBefore(from) ? Set.of() : holidays.daysBetween(from, to));
    }

    public final class Span {
        private final LocalDate from;
        private final LocalDate to;
        private final Set<LocalDate> off;

        private Span(LocalDate from, LocalDate to, Set<LocalDate> off) {
            this.from = from;
            this.to = to;
            this.off = off;
        }

        /** As {@link WorkingDayCalendar#workingDaysAfter}; outside the span it asks the calendar. */
        public int workingDaysAfter(LocalDate start, LocalDate end) {
            if (start.isBefore(from) || end.isAfter(to)) {
                return WorkingDayCalendar.this.workingDaysAfter(start, end);
            }
            int n = 0;
            for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
                if (isWorkingDay(d, off)) {
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
        Set<LocalDate> off = direction > 0 ? holidays.daysBetween(start, far) : holidays.daysBetween(far, start);
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(direction);
            if (isWorkingDay(day, off)) {
                counted++;
            }
        }
        return day;
    }

    /** {@code day} itself if it is a working day, else the next one. */
    public LocalDate onOrNextWorkingDay(LocalDate day) {
        Set<LocalDate> off = holidays.daysBetween(day, day.plusDays(60));
        LocalDate d = day;
        while (!isWorkingDay(d, off)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static boolean isWorkingDay(LocalDate day, Set<LocalDate> off) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !off.contains(day);
    }
}
