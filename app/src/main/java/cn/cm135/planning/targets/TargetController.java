package cn.cm135.planning.targets;

import java.math.BigDecimal;

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
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.web.Periods;

/**
 * {@code /api/targets/{customerManagerId}/{yyyy-MM}}: read a month's targets (the customer manager,
 * their market manager, the marketing centre) or edit a draft (the customer manager only).
 */
@RestController
@RequestMapping("/api/targets/{customerManagerId}/{period}")
@Tag(name = "客户经理目标", description = "客户经理某月的目标（销量、单条值、重点品牌增长率、拜访次数）及预测值："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以修改草稿或被驳回的目标。")
class TargetController {

    record TargetView(String customerManagerId, String period, ApprovalStatus status, Integer volume,
            BigDecimal unitValue, BigDecimal keyBrandGrowth, Integer visits, TargetValues forecast,
            String rejectionReason, String decidedBy) {

        static TargetView of(MonthlyTarget t) {
            TargetValues v = t.values();
            return new TargetView(t.getCustomerManagerId(), t.getPeriod(), t.getStatus(), v.volume(), v.unitValue(),
                    v.keyBrandGrowth(), v.visits(), t.forecast(), t.approval().rejectionReason(), t.approval().decidedBy());
        }
    }

    private final TargetService targets;
    private final StaffAccess access;

    TargetController(TargetService targets, StaffAccess access) {
        this.targets = targets;
        this.access = access;
    }

    @Operation(summary = "查看月度目标", description = "返回该月目标的状态、目标值、预测值以及驳回原因和审批人；"
            + "该月尚无目标时返回 404。客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    TargetView get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, "目标");
        return TargetView.of(targets.get(customerManagerId, Periods.parse(period)));
    }

    @Operation(summary = "修改月度目标", description = "保存草稿或被驳回目标的修改，不提交审批；目标值超出允许范围时返回 400，"
            + "已提交（等待市场经理审批）、已批准或已锁定时返回 409。只有客户经理本人可以修改。")
    @PutMapping
    TargetView edit(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody TargetValues values, Authentication user) {
        access.requireSelf(user, customerManagerId, "目标");
        return TargetView.of(targets.edit(customerManagerId, Periods.parse(period), values));
    }
}
