package cn.cm135.market.analysis;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
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
 * {@code /api/analyses/market/{customerManagerId}/{yyyy-MM}}: the month's 市场分析 of the customer manager's
 * areas, and their 分析结论 (written on every area, as the form does) — refused with 409 once confirmed.
 */
@RestController
@RequestMapping("/api/analyses/market/{customerManagerId}/{period}")
@Tag(name = "市场分析", description = "客户经理所辖片区某月的市场分析及分析结论："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以填写分析结论，确定后不能修改。")
class MarketAnalysisController {

    record Conclusions(String conclusions) {
    }

    private final MarketAnalysisService market;
    private final StaffAccess access;

    MarketAnalysisController(MarketAnalysisService market, StaffAccess access) {
        this.market = market;
        this.access = access;
    }

    @Operation(summary = "查看市场分析", description = "返回客户经理所辖各片区该月的市场分析结果（按片区编码排列），尚未生成时为空列表。"
            + "客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    List<MarketMonthResult> get(
            @Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, "市场分析");
        return market.rows(Periods.parse(period), customerManagerId);
    }

    @Operation(summary = "填写市场分析结论", description = "把同一分析结论写入客户经理所辖每个片区该月的市场分析并返回这些结果，"
            + "全部生效或全部不生效；结论超过 2000 字时返回 400，该月分析尚未生成时返回 404，任一片区已确定时返回 409。"
            + "只有客户经理本人可以填写。")
    @PutMapping("/conclusions")
    @Transactional
    public List<MarketMonthResult> conclude(
            @Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody Conclusions body, Authentication user) {
        access.requireSelf(user, customerManagerId, "市场分析结论");
        var month = Periods.parse(period);
        List<MarketMonthResult> rows = market.rows(month, customerManagerId);
        if (rows.isEmpty()) {
            throw Refusal.notFound(month + " 的市场分析尚未生成（客户经理 " + customerManagerId + "）");
        }
        rows.forEach(row -> market.conclude(month, row.areaCode(), body.conclusions()));
        return market.rows(month, customerManagerId);
    }
}
