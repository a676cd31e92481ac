package cn.cm135.review.week;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.organization.StaffAccess;
import cn.cm135.web.Periods;

/**
 * {@code GET /api/week-summaries/{customerManagerId}/{yyyy-MM}}: the month's 周工作小结 as stored (drafts with
 * the figures when the task opened, finished ones as written). They are written by the task only.
 */
@RestController
@RequestMapping("/api/week-summaries/{customerManagerId}/{period}")
class WeekSummaryController {

    private final WeekSummaryService summaries;
    private final StaffAccess access;

    WeekSummaryController(WeekSummaryService summaries, StaffAccess access) {
        this.summaries = summaries;
        this.access = access;
    }

    @GetMapping
    List<WeekSummary> ofMonth(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, "周工作小结");
        return summaries.ofMonth(customerManagerId, Periods.parse(period));
    }
}
