package vn.qcdc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.qcdc.support.QcdcTest;

/**
 * The shipped 2026 calendar's swaps: Friday 2 January off, Saturday 10 January worked; Monday 31 August off,
 * Saturday 22 August worked. Make-up days count as working days, swapped days off do not, everywhere the
 * calendar is read: counts, additions, subtractions, spans, calendar-day periods.
 */
@QcdcTest
class CalendarKindsTest {

    static final LocalDate MAKE_UP_JAN = LocalDate.of(2026, 1, 10);
    static final LocalDate MAKE_UP_AUG = LocalDate.of(2026, 8, 22);
    static final LocalDate SWAPPED_AUG = LocalDate.of(2026, 8, 31);

    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    DeadlineService deadlines;
    @Autowired
    HolidayRepository holidays;

    @Test
    void theShippedCalendarCarriesTheSwapsOf2026() {
        assertThat(holidays.find(MAKE_UP_JAN)).get().extracting(Holiday::kind).isEqualTo(Holiday.Kind.MAKE_UP_WORKING_DAY);
        assertThat(holidays.find(MAKE_UP_AUG)).get().extracting(Holiday::kind).isEqualTo(Holiday.Kind.MAKE_UP_WORKING_DAY);
        assertThat(holidays.find(SWAPPED_AUG)).get().extracting(Holiday::kind).isEqualTo(Holiday.Kind.SWAPPED_DAY_OFF);
        assertThat(holidays.find(LocalDate.of(2026, 1, 2))).get().extracting(Holiday::kind)
                .isEqualTo(Holiday.Kind.SWAPPED_DAY_OFF);
        assertThat(calendar.isWorkingDay(MAKE_UP_JAN)).isTrue();
        assertThat(calendar.isWorkingDay(MAKE_UP_AUG)).isTrue();
        assertThat(calendar.isWorkingDay(SWAPPED_AUG)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
        // an ordinary Saturday stays a day off
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 17))).isFalse();
    }

    @Test
    void aWorkingDayCountAcrossAMakeUpSaturday() {
        // Friday 9 to Monday 12 January 2026: Saturday 10 is worked, so two working days follow Friday
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 12))).isEqualTo(2);
        // an ordinary weekend: one
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 1, 16), LocalDate.of(2026, 1, 19))).isEqualTo(1);
        // ten working days from Thursday 8 January: 9, 10 (Saturday), 12-16, 19, 20, 21
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2026, 1, 8))).isEqualTo(LocalDate.of(2026, 1, 21));
        // five from Friday 21 August: Saturday 22, then 24-27
        assertThat(deadlines.dueDay("disclosure.post", LocalDate.of(2026, 8, 21))).isEqualTo(LocalDate.of(2026, 8, 27));
        // received on the make-up Saturday itself: counting starts on Monday
        assertThat(deadlines.dueDay("disclosure.post", MAKE_UP_AUG)).isEqualTo(LocalDate.of(2026, 8, 28));
        assertThat(calendar.subtractWorkingDays(LocalDate.of(2026, 1, 12), 1)).isEqualTo(MAKE_UP_JAN);
    }

    @Test
    void aWorkingDayCountAcrossASwappedDayOff() {
        // Friday 28 August to Thursday 3 September 2026: 29-30 weekend, 31 swapped, 1-2 National Day
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 8, 28), LocalDate.of(2026, 9, 3))).isEqualTo(1);
        // ten working days from Wednesday 26 August: 27, 28, 3, 4, 7-11, 14
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2026, 8, 26))).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 8, 28), 1)).isEqualTo(LocalDate.of(2026, 9, 3));
        // received on Friday 2 January (swapped day off): ten working days are 5-9, 10 (make-up Saturday), 12-15
        assertThat(deadlines.dueDay("complaint.accept", LocalDate.of(2026, 1, 2))).isEqualTo(LocalDate.of(2026, 1, 15));
    }

    @Test
    void theBoardsSpanCountsAsTheCalendarDoes() {
        LocalDate today = LocalDate.of(2026, 9, 7);
        WorkingDayCalendar.Span span = calendar.span(LocalDate.of(2025, 12, 20), today);
        for (LocalDate due = LocalDate.of(2025, 12, 20); !due.isAfter(today); due = due.plusDays(1)) {
            assertThat(span.workingDaysAfter(due, today)).as(due.toString()).isEqualTo(calendar.workingDaysAfter(due, today));
        }
        // due Friday 21 August 2026, late on Monday 7 September: 22 (make-up), 24-28, 3, 4, 7 = 9 working days
        assertThat(span.workingDaysAfter(LocalDate.of(2026, 8, 21), today)).isEqualTo(9);
    }

    @Test
    void aCalendarPeriodEndingOnADayOffRunsToTheNextWorkingDayAndAMakeUpSaturdayIsOne() {
        // 30 days from 23 July 2026 is Saturday 22 August, a make-up working day: the period ends that day
        assertThat(deadlines.dueDay("complaint.resolve.first", LocalDate.of(2026, 7, 23))).isEqualTo(MAKE_UP_AUG);
        // 30 days from 1 August is Monday 31 August, a swapped day off: it runs to Thursday 3 September
        assertThat(deadlines.dueDay("complaint.resolve.first", LocalDate.of(2026, 8, 1))).isEqualTo(LocalDate.of(2026, 9, 3));
        // 30 days from 30 July is Saturday 29 August, an ordinary weekend day before the holiday: also 3 September
        assertThat(deadlines.dueDay("complaint.resolve.first", LocalDate.of(2026, 7, 30))).isEqualTo(LocalDate.of(2026, 9, 3));
    }

    @Test
    void vietnamCultureDayShipsSwitchedOff() {
        for (int year : new int[] {2026, 2027}) {
            LocalDate day = LocalDate.of(year, 11, 24);
            assertThat(holidays.find(day)).get().satisfies(h -> {
                assertThat(h.kind()).isEqualTo(Holiday.Kind.HOLIDAY);
                assertThat(h.active()).isFalse();
            });
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isTrue();
        }
    }
}
