package vn.qcdc.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The calendar's departures from "Monday to Friday" over a stretch of days: the days off (public holidays, swapped
 * days off) and the make-up working days (a Saturday worked for a swapped day off).
 */
record CalendarExceptions(Set<LocalDate> off, Set<LocalDate> worked) {

    static final CalendarExceptions NONE = new CalendarExceptions(Set.of(), Set.of());

    boolean isWorkingDay(LocalDate day) {
        if (worked.contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !off.contains(day);
    }
}
