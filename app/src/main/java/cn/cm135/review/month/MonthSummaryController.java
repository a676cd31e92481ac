package cn.cm135.review.month;

import java.time.YearMonth;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.organization.StaffAccess;
import cn.cm135.rules.Refusal;
import cn.cm135.web.Periods;

/**
 * {@code GET /api/month-summaries/{customerManagerId}/{yyyy-MM}}: the month's 月度工作总结 as stored (404 before
 * its task opened). It is written by the task only.
 */
@RestController
@RequestMapping("/api/month-summaries/{customerManagerId}/{period}")
class MonthSummaryController {

    private final MonthSummaryService summaries;
    private final StaffAccess access;

    MonthSummaryController(MonthSummaryService summaries, StaffAccess access) {
        this.summaries = summaries;
        this.access = access;
    }

    @GetMapping
    MonthSummary get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, "月度工作总结");
        YearMonth month = Periods.parse(period);
        return summaries.find(customerManagerId, month).orElseThrow(() -> Refusal.notFound(
                customerManagerId + " 的 " + month + " 月度工作总结尚未开始"));
    }
}
