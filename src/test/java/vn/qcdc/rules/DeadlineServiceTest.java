package vn.qcdc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.qcdc.support.QcdcTest;

/** The edges of the statutory clock: weekends, Tết, a rule that changes on 1 July 2026. */
@QcdcTest
class DeadlineServiceTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    DeadlineService deadlines;
    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void aSpanReadOnceCountsLateDaysAsTheCalendarDoes() {
        LocalDate today = LocalDate.of(2026, 3, 2);
        WorkingDayCalendar.Span span = calendar.span(LocalDate.of(2025, 12, 1), today);
        for (LocalDate due = LocalDate.of(2025, 12, 1); !due.isAfter(today); due = due.plusDays(1)) {
            assertThat(span.workingDaysAfter(due, today)).as(due.toString()).isEqualTo(calendar.workingDaysAfter(due, today));
        }
        // Tết 2026 (14-22 Feb) is not counted: due Friday 13 Feb, Monday 2 Mar is the sixth working day after
        assertThat(span.workingDaysAfter(LocalDate.of(2026, 2, 13), today)).isEqualTo(6);
        // outside the span it still answers
        assertThat(span.workingDaysAfter(LocalDate.of(2025, 11, 28), today))
                .isEqualTo(calendar.workingDaysAfter(LocalDate.of(2025, 11, 28), today));
    }

    @Test
    void workingDaysSkipWeekends() {
        // received Friday 20 Nov 2026: ten working days are 23-27 Nov and 30 Nov-4 Dec
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void aCaseReceivedOnASaturdayStartsCountingOnMonday() {
        assertThat(deadlines.dueDay("disclosure.post", LocalDate.of(2026, 11, 21))).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void workingDaysSkipTet() {
        // Thursday 12 Feb 2026: Friday 13 counts, Tết runs 14-22 Feb, then 23 Feb onwards
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2026, 2, 12))).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void aCalendarPeriodEndingOnADayOffRunsToTheNextWorkingDay() {
        // 30 days from 15 Jan 2026 is Saturday 14 Feb, inside Tết: the period ends on Monday 23 Feb
        assertThat(deadlines.dueDay("complaint.resolve.first", LocalDate.of(2026, 1, 15))).isEqualTo(LocalDate.of(2026, 2, 23));
        // an ordinary one ends on its own day
        assertThat(deadlines.dueDay("complaint.resolve.first", LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 31).plusDays(2));
    }

    @Test
    void theRuleInForceOnTheDayOfReceiptDecides() {
        // Law 136/2025/QH15 from 1 July 2026: acceptance of a complaint in 7 working days instead of 10
        assertThat(deadlines.ruleInForce("complaint.accept", LocalDate.of(2026, 6, 30)).amount()).isEqualTo(10);
        assertThat(deadlines.ruleInForce("complaint.accept", LocalDate.of(2026, 7, 1)).amount()).isEqualTo(7);
        assertThat(deadlines.dueDay("complaint.accept", LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 7, 14));
        assertThat(deadlines.dueDay("complaint.accept", LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 10));
    }

    @Test
    void receiptIsReadInVietnameseTimeAndADeadlineRunsToTheEndOfItsDay() {
        // 30 June 2026 18:30 UTC is already 1 July in Vietnam: the new rule applies
        Instant lateEvening = ZonedDateTime.of(2026, 6, 30, 18, 30, 0, 0, ZoneId.of("UTC")).toInstant();
        Instant due = deadlines.dueInstant("complaint.accept", lateEvening);
        assertThat(due).isEqualTo(ZonedDateTime.of(2026, 7, 10, 23, 59, 59, 0, VN).toInstant());
    }

    @Test
    void anUnknownRuleIsAnErrorNotASilentDefault() {
        assertThatThrownBy(() -> deadlines.dueDay("no.such.rule", LocalDate.of(2026, 1, 5)))
                .isInstanceOf(UnknownRuleException.class).hasMessageContaining("no.such.rule");
        assertThatThrownBy(() -> deadlines.dueDay("complaint.accept", LocalDate.of(2001, 1, 5)))
                .isInstanceOf(UnknownRuleException.class);
    }
}
