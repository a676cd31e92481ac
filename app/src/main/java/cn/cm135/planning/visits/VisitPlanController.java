package cn.cm135.planning.visits;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
 * {@code /api/visit-plans/{customerManagerId}/{yyyy-MM}}: a month's visit plan with its capacity check and the
 * 商定总量 of the key specs (read: the customer manager, their market manager, the marketing centre); the
 * customer manager (only) proposes it, adjusts frequencies, overrides 商定总量 and confirms — 409 once confirmed.
 */
@RestController
@RequestMapping("/api/visit-plans/{customerManagerId}/{period}")
@Tag(name = "客户拜访计划", description = "客户经理某月的客户拜访计划（每个客户的计划拜访次数、工作日容量检查和重点规格的商定总量）："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以生成、调整和确定，确定后不能修改。")
class VisitPlanController {

    /**
     * Changes of a draft plan.
     *
     * @param visits    frequencies of the listed customers (the others keep theirs); absent: none
     * @param overrides every 商定总量 override of the month (the list replaces them); absent: unchanged
     */
    record VisitPlanChanges(List<VisitAdjustment> visits, List<NegotiatedOverride> overrides) {
    }

    private static final String WHAT = "客户拜访计划";

    private final VisitPlanService plans;
    private final StaffAccess access;

    VisitPlanController(VisitPlanService plans, StaffAccess access) {
        this.plans = plans;
        this.access = access;
    }

    @Operation(summary = "查看客户拜访计划", description = "返回该月拜访计划的状态、按线路排列的客户及其建议和计划拜访次数、"
            + "工作日容量检查和重点规格的商定总量；计划尚未生成时返回 404。客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    VisitPlanView get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return plans.plan(customerManagerId, Periods.parse(period));
    }

    @Operation(summary = "调整客户拜访计划", description = "调整所列客户的计划拜访次数（与建议不同时须填写原因），"
            + "并以所给列表整体替换商定总量的调整，全部生效或全部不生效，缺省的列表保持不变；任一行有误时返回 400，"
            + "计划尚未生成时返回 404，计划已确定且有改动时返回 409。只有客户经理本人可以调整。")
    @PutMapping
    VisitPlanView change(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody VisitPlanChanges changes, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        var month = Periods.parse(period);
        plans.change(customerManagerId, month, changes.visits(), changes.overrides(), user.getName());
        return plans.plan(customerManagerId, month);
    }

    /** (Re)generates the proposal of a draft plan; adjustments and overrides are kept. */
    @Operation(summary = "生成拜访计划建议", description = "按规则生成（或对草稿重新生成）该月拜访计划的建议拜访次数，"
            + "已有的次数调整和商定总量调整保留；计划已确定时返回 409。只有客户经理本人可以生成。")
    @PostMapping("/proposal")
    VisitPlanView propose(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        var month = Periods.parse(period);
        plans.propose(customerManagerId, month);
        return plans.plan(customerManagerId, month);
    }

    /** 确定: 400 when the planned visits exceed the working days' capacity, 409 when already confirmed. */
    @Operation(summary = "确定客户拜访计划", description = "确定并锁定该月拜访计划；计划拜访次数超出工作日容量时返回 400，"
            + "计划尚未生成时返回 404，已确定时返回 409。只有客户经理本人可以确定。")
    @PostMapping("/confirmation")
    VisitPlanView confirm(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        var month = Periods.parse(period);
        plans.confirm(customerManagerId, month, user.getName());
        return plans.plan(customerManagerId, month);
    }
}
