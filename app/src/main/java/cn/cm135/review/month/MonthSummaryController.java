package cn.cm135.review.month;

import java.time.YearMonth;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.organization.StaffAccess;
import cn.cm135.rules.Refusal;
import cn.cm135.web.Periods;

/**
 * {@code GET /api/month-summaries/{customerManagerId}/{yyyy-MM}}: the month's 月度工作总结 as stored (404 before
 * its task opened). It is written by the task only.
 */
@RestController
@RequestMapping("/api/month-summaries/{customerManagerId}/{period}")
@Tag(name = "月度工作总结", description = "客户经理某月的月度工作总结（只读，由任务填写）："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看。")
class MonthSummaryController {

    private final MonthSummaryService summaries;
    private final StaffAccess access;

    MonthSummaryController(MonthSummaryService summaries, StaffAccess access) {
        this.summaries = summaries;
        this.access = access;
    }

    @Operation(summary = "查看月度工作总结", description = "返回已保存的该月月度工作总结（草稿或已完成）；总结任务尚未开始时返回 404。"
            + "客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    MonthSummary get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, "月度工作总结");
        YearMonth month = Periods.parse(period);
        return summaries.find(customerManagerId, month).orElseThrow(() -> Refusal.notFound(
                customerManagerId + " 的 " + month + " 月度工作总结尚未开始"));
    }
}
