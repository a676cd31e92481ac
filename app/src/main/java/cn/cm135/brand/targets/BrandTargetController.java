package cn.cm135.brand.targets;

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
 * {@code /api/brand-targets/{customerManagerId}/{yyyy-MM}}: a month's brand targets and target customers
 * with the suggested target customers (read: as the customer manager's tasks); replacing them (the
 * customer manager only, 409 once the month's brand analysis is confirmed).
 */
@RestController
@RequestMapping("/api/brand-targets/{customerManagerId}/{period}")
@Tag(name = "品牌目标", description = "客户经理某月各片区重点品牌和新品牌规格的品牌目标（条）与目标客户："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以修改，月度品牌状态分析确定后不能修改。")
class BrandTargetController {

    record BrandTargetsView(List<BrandTarget> targets, List<SuggestedCustomer> suggestions) {
    }

    private final BrandTargetService targets;
    private final StaffAccess access;

    BrandTargetController(BrandTargetService targets, StaffAccess access) {
        this.targets = targets;
        this.access = access;
    }

    @Operation(summary = "查看品牌目标", description = "返回客户经理为该月设置的品牌目标和目标客户（按片区和规格），"
            + "以及建议的目标客户（前三个月买过同价类其他规格、未买该规格的在营零售户，每个规格最多 10 个）。"
            + "客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    BrandTargetsView get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, "品牌目标");
        var month = Periods.parse(period);
        return new BrandTargetsView(targets.targets(customerManagerId, month),
                targets.suggestions(customerManagerId, month, BrandTargetsTaskListener.SUGGESTIONS));
    }

    @Operation(summary = "设置品牌目标", description = "以提交的列表整体替换该月的品牌目标和目标客户，全部生效或全部不生效："
            + "任一行有误（不是本人的片区或客户、没有该规格、重复、目标超出范围）时返回 400，"
            + "该月月度品牌状态分析已确定时返回 409。只有客户经理本人可以设置。")
    @PutMapping
    List<BrandTarget> replace(
            @Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody List<BrandTarget> submitted, Authentication user) {
        access.requireSelf(user, customerManagerId, "品牌目标");
        var month = Periods.parse(period);
        targets.replace(customerManagerId, month, submitted);
        return targets.targets(customerManagerId, month);
    }
}
