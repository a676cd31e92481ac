package cn.cm135.planning.week;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cm135.web.Periods;

/**
 * {@code ${visitDays.of(customerManagerId, period, weekStart)}}: the collection of the days' multi-instance
 * (one 日拜访记录 task per day), evaluated right after the week is arranged.
 */
@Component("visitDays")
public class VisitDays {

    private final WeekArrangementService weeks;

    VisitDays(WeekArrangementService weeks) {
        this.weeks = weeks;
    }

    /** The arranged days of the week (yyyy-MM-dd, ascending) inside {@code period} from today on; may be empty. */
    public List<String> of(String customerManagerId, String period, String weekStart) {
        return weeks.visitDays(customerManagerId, Periods.parse(period), LocalDate.parse(weekStart)).stream()
                .map(LocalDate::toString).toList();
    }
}
