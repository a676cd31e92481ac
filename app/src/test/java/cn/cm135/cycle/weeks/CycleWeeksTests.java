package cn.cm135.cycle.weeks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.cm135.calendar.CalendarProperties;
import cn.cm135.calendar.WorkingCalendar;

/** The weeks of the implement phase and the due times of steps 12–16, counted by hand on a calendar. */
class CycleWeeksTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar MONDAY_TO_FRIDAY = new WorkingCalendar(new CalendarProperties(null, null));

    @Test
    void aMonthStartingOnTuesdayHasFiveWeeksWithBothPartialWeeks() {
        // December 2026: Tue 1 … Thu 31. Weeks from Mon 30 Nov (1–4 Dec worked) to Mon 28 Dec (28–31 Dec).
        CycleWeeks weeks = at(LocalDateTime.of(2026, 11, 30, 9, 0), MONDAY_TO_FRIDAY);
        assertThat(weeks.remaining("2026-12"))
                .containsExactly("2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28");
        assertThat(weeks.workingDays(YearMonth.of(2026, 12), LocalDate.of(2026, 11, 30)))
                .containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3),
                        LocalDate.of(2026, 12, 4));
        assertThat(weeks.workingDays(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 28))).hasSize(4);
    }

    @Test
    void weeksOverBeforeThePlanIsApprovedAreNotWorked() {
        // Approved on Saturday 5 Dec: the first week's working days (1–4 Dec) are all past.
        assertThat(at(LocalDateTime.of(2026, 12, 5, 11, 0), MONDAY_TO_FRIDAY).remaining("2026-12"))
                .containsExactly("2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28");
        // Approved on Wednesday 9 Dec: the week of 7 Dec still has 9–11 Dec to work.
        assertThat(at(LocalDateTime.of(2026, 12, 9, 11, 0), MONDAY_TO_FRIDAY).remaining("2026-12"))
                .containsExactly("2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28");
        // After the month's last working day nothing is left.
        assertThat(at(LocalDateTime.of(2027, 1, 2, 8, 0), MONDAY_TO_FRIDAY).remaining("2026-12")).isEmpty();
    }

    @Test
    void holidaysAndMakeUpDaysShapeTheWeeks() {
        // National Day 2026: 1–7 Oct off, Saturday 10 Oct worked. The week of Mon 28 Sep holds only 1–2 Oct
        // (off) → not a week of work; the week of 5 Oct works 8, 9 and Saturday 10 Oct.
        WorkingCalendar nationalDay = new WorkingCalendar(new CalendarProperties(
                List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                        LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
                List.of(LocalDate.of(2026, 10, 10))));
        CycleWeeks weeks = at(LocalDateTime.of(2026, 9, 30, 8, 0), nationalDay);
        assertThat(weeks.remaining("2026-10")).containsExactly("2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26");
        assertThat(weeks.workingDays(YearMonth.of(2026, 10), LocalDate.of(2026, 10, 5)))
                .containsExactly(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 10));
        // Step 12 of that week is due on its first working day, Thursday 8 Oct, 10:00.
        assertThat(weeks.arrangementDue("2026-10", "2026-10-05")).isEqualTo(shanghai(2026, 10, 8, 10));
    }

    @Test
    void dueTimes() {
        CycleWeeks weeks = at(LocalDateTime.of(2026, 11, 30, 9, 0), MONDAY_TO_FRIDAY);
        // The first partial week of December starts on Tuesday 1 Dec: step 12 due then, 10:00.
        assertThat(weeks.arrangementDue("2026-12", "2026-11-30")).isEqualTo(shanghai(2026, 12, 1, 10));
        assertThat(weeks.dayStarts("2026-12-02")).isEqualTo(shanghai(2026, 12, 2, 7));
        assertThat(weeks.dayEnds("2026-12-02")).isEqualTo(shanghai(2026, 12, 2, 20));
        // The week's last working day in the month: Friday 4 Dec; the last week's: Thursday 31 Dec.
        assertThat(weeks.weekSummaryDue("2026-12", "2026-11-30")).isEqualTo(shanghai(2026, 12, 4, 18));
        assertThat(weeks.weekSummaryDue("2026-12", "2026-12-28")).isEqualTo(shanghai(2026, 12, 31, 18));
        // October 2026 ends on Saturday 31: results due Friday 30 Oct; the month summary on 3 Nov.
        assertThat(weeks.resultsDue("2026-10")).isEqualTo(shanghai(2026, 10, 30, 18));
        assertThat(weeks.monthSummaryDue("2026-12")).isEqualTo(shanghai(2027, 1, 3, 18));
    }

    @Test
    void aWeekArrangedAfterItsDueTimeIsDueTheSameEvening() {
        // Plan approved on Thursday 3 Dec, 15:00: the first week's arrangement was due on 1 Dec → today 18:00.
        CycleWeeks weeks = at(LocalDateTime.of(2026, 12, 3, 15, 0), MONDAY_TO_FRIDAY);
        assertThat(weeks.arrangementDue("2026-12", "2026-11-30")).isEqualTo(shanghai(2026, 12, 3, 18));
    }

    private static CycleWeeks at(LocalDateTime now, WorkingCalendar calendar) {
        return new CycleWeeks(calendar, Clock.fixed(now.atZone(SHANGHAI).toInstant(), SHANGHAI), 2);
    }

    private static Date shanghai(int year, int month, int day, int hour) {
        return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(SHANGHAI).toInstant());
    }
}
