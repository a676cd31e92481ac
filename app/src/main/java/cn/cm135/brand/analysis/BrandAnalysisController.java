package cn.cm135.brand.analysis;

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
import cn.cm135.web.Periods;

/**
 * {@code /api/analyses/brands/{customerManagerId}/{yyyy-MM}}: the month's 月度品牌状态分析 of the customer
 * manager's areas, and their 分析结论 — refused with 409 once confirmed (确定后不能修改).
 */
@RestController
@RequestMapping("/api/analyses/brands/{customerManagerId}/{period}")
@Tag(name = "月度品牌状态分析", description = "客户经理所辖片区某月的月度品牌状态分析及分析结论："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以填写分析结论，确定后不能修改。")
class BrandAnalysisController {

    record Conclusions(String conclusions) {
    }

    private final BrandAnalysisService brands;
    private final StaffAccess access;

    BrandAnalysisController(BrandAnalysisService brands, StaffAccess access) {
        this.brands = brands;
        this.access = access;
    }

    @Operation(summary = "查看月度品牌状态分析", description = "返回客户经理所辖各片区该月各规格的品牌状态分析结果"
            + "（按片区和规格排列）。客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    List<BrandMonthResult> get(
            @Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, "品牌分析");
        return brands.rows(Periods.parse(period), customerManagerId);
    }

    @Operation(summary = "填写品牌分析结论", description = "把分析结论写入客户经理所辖片区该月的分析结果并返回这些结果；"
            + "结论超过 2000 字时返回 400，该月分析尚未生成时返回 404，已确定时返回 409。只有客户经理本人可以填写。")
    @PutMapping("/conclusions")
    List<BrandMonthResult> conclude(
            @Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody Conclusions body, Authentication user) {
        access.requireSelf(user, customerManagerId, "品牌分析结论");
        var month = Periods.parse(period);
        brands.conclude(month, customerManagerId, body.conclusions());
        return brands.rows(month, customerManagerId);
    }
}
