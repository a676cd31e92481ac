package cn.cm135.review.week;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.organization.StaffAccess;
import cn.cm135.web.Periods;

/**
 * {@code GET /api/week-summaries/{customerManagerId}/{yyyy-MM}}: the month's 周工作小结 as stored (drafts with
 * the figures when the task opened, finished ones as written). They are written by the task only.
 */
@RestController
@RequestMapping("/api/week-summaries/{customerManagerId}/{period}")
@Tag(name = "周工作小结", description = "客户经理某月各周的周工作小结（只读，由任务填写）："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看。")
class WeekSummaryController {

    private final WeekSummaryService summaries;
    private final StaffAccess access;

    WeekSummaryController(WeekSummaryService summaries, StaffAccess access) {
        this.summaries = summaries;
        this.access = access;
    }

    @Operation(summary = "查看周工作小结", description = "按周起始日返回该月已保存的周工作小结：草稿为任务打开时的数据，"
            + "已完成的为填写时的内容；尚无小结时返回空列表。客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    List<WeekSummary> ofMonth(
            @Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, "周工作小结");
        return summaries.ofMonth(customerManagerId, Periods.parse(period));
    }
}
