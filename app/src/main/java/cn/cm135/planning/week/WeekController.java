package cn.cm135.planning.week;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.organization.StaffAccess;
import cn.cm135.rules.Refusal;
import cn.cm135.web.Periods;

/**
 * {@code /api/weeks/{customerManagerId}/{yyyy-MM}/{weekStart}}: a week's arrangement or proposal with each
 * day's customers (read: the customer manager, their market manager, the centre); PUT arranges it (the
 * customer manager only).
 */
@RestController
@RequestMapping("/api/weeks/{customerManagerId}/{period}/{weekStart}")
@Tag(name = "周工作安排", description = "客户经理某周的工作安排（市场收集重点、品牌培育重点、各线路的拜访日及每天的客户）："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以安排。")
class WeekController {

    /** 周工作安排 as submitted: the two focus texts and every route's day. */
    record Arrangement(String marketFocus, String brandFocus, List<RouteDay> routeDays) {
    }

    private static final String WHAT = "周工作安排";

    private final WeekArrangementService weeks;
    private final StaffAccess access;

    WeekController(WeekArrangementService weeks, StaffAccess access) {
        this.weeks = weeks;
        this.access = access;
    }

    @Operation(summary = "查看周工作安排", description = "返回该周已保存的安排，尚未安排时返回建议（各线路排在其固定的星期几），"
            + "含本周在该月内从今天起的工作日、每天应拜访的客户及其未完成的服务策略；周起始日不是星期一或该周不在该月内时返回 400。"
            + "客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    WeekProposal get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @Parameter(description = "周起始日（星期一）yyyy-MM-dd", example = "2026-12-07") @PathVariable String weekStart,
            Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return weeks.proposal(customerManagerId, Periods.parse(period), date(weekStart));
    }

    @Operation(summary = "安排周工作", description = "保存本周的两项重点和各线路的拜访日，按拜访计划确定每天的客户名单"
            + "（再次安排时整体替换），返回安排后的一周；客户拜访计划尚未确定或输入有误时返回 400，"
            + "本周已有拜访记录或该月工作结果已审核通过时返回 409。只有客户经理本人可以安排。")
    @PutMapping
    WeekProposal arrange(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @Parameter(description = "周起始日（星期一）yyyy-MM-dd", example = "2026-12-07") @PathVariable String weekStart,
            @RequestBody Arrangement arrangement, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        var month = Periods.parse(period);
        weeks.arrange(customerManagerId, month, date(weekStart), arrangement.marketFocus(), arrangement.brandFocus(),
                arrangement.routeDays(), user.getName());
        return weeks.proposal(customerManagerId, month, date(weekStart));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("weekStart", "周起始日应为 yyyy-MM-dd，收到 " + text);
        }
    }
}
