package cn.cm135.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** When steps 1–11 are due, on the calendar the app ships (2026 official, 2027 provisional). */
class PlanDueDayTests {

    final CycleService cycles = new CycleService(null, null, null, null, null, new CycleProperties(5, 4, 2),
            E2eMonth.companyCalendar(), Clock.systemUTC());

    @Test
    void theFifthWhenTheMonthStartsOnTime() {
        // December 2026: Tue 1st is working day 1, Fri 4th day 4; the 5th is a Saturday, so Mon 7th.
        assertThat(cycles.dueDay(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 1))).isEqualTo("2026-12-07");
        // March 2027: Mon 1st … Thu 4th; the 5th is a Friday.
        assertThat(cycles.dueDay(YearMonth.of(2027, 3), LocalDate.of(2027, 3, 1))).isEqualTo("2027-03-05");
    }

    @Test
    void fourWorkingDaysAfterALongHoliday() {
        // October 2027: 1st–7th off, Fri 8th and Sat 9th (调休) working, then Mon 11th, Tue 12th.
        assertThat(cycles.dueDay(YearMonth.of(2027, 10), LocalDate.of(2027, 9, 30))).isEqualTo("2027-10-12");
    }

    @Test
    void countedFromTheStartWhenTheMonthStartsLate() {
        // December 2026 started on Sunday the 6th: working days Mon 7th … Thu 10th.
        assertThat(cycles.dueDay(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 6))).isEqualTo("2026-12-10");
        // Started on Wednesday the 2nd: the 5th-rule day (Mon 7th) is later than Wed 2nd + 3 working days (Mon 7th).
        assertThat(cycles.dueDay(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 2))).isEqualTo("2026-12-07");
        assertThat(cycles.dueDay(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 3))).isEqualTo("2026-12-08");
    }
}
