package vn.qcdc.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One dated row of the working-day calendar. A row switched off ({@code active = false}) is kept and shown, but the
 * day counts as an ordinary one: Vietnam Culture Day (24 November) ships that way until it is codified.
 */
public record Holiday(LocalDate day, Kind kind, String nameVi, String nameEn, boolean active) {

    public enum Kind {
        /** A public holiday (ngày nghỉ lễ, Tết), including the compensatory day for one falling on a weekend. */
        HOLIDAY,
        /** A weekday the Government swapped into a day off (ngày nghỉ hoán đổi), paid back by a make-up day. */
        SWAPPED_DAY_OFF,
        /** A Saturday or Sunday worked instead (ngày làm bù): a working day for deadlines. */
        MAKE_UP_WORKING_DAY;

        /** The kind's own rule about the weekday, or null when it may fall on any day. */
        String refusalFor(LocalDate day) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            return switch (this) {
                case HOLIDAY -> null;
                case SWAPPED_DAY_OFF -> weekend ? "holidays.swapped-on-weekend" : null;
                case MAKE_UP_WORKING_DAY -> weekend ? null : "holidays.make-up-on-weekday";
            };
        }
    }

    /** A compact form for the change log. */
    String summary() {
        return "%s %s / %s%s".formatted(kind, nameVi, nameEn, active ? "" : " (OFF)");
    }
}
