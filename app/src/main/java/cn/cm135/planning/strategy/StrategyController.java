package cn.cm135.planning.strategy;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.organization.Groups;
import cn.cm135.organization.Organization;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.web.ApiException;
import cn.cm135.web.Periods;

/**
 * {@code /api/strategies/{customerManagerId}/{yyyy-MM}}: read a month's strategy plan (the customer manager,
 * their market manager, the marketing centre), add a manual strategy or drop / restore one (the customer
 * manager only, while the plan is a draft or rejected: 409 once it is submitted, approved or locked).
 */
@RestController
@RequestMapping("/api/strategies/{customerManagerId}/{period}")
@Tag(name = "服务策略", description = "客户经理某月的服务策略计划及其中每条策略：客户经理本人、其市场经理、营销中心和系统管理员可查看，"
        + "只有客户经理本人可以在计划为草稿或被驳回时新增、删除或恢复策略。")
class StrategyController {

    record PlanView(String customerManagerId, String period, ApprovalStatus status, Integer customers,
            LocalDateTime generatedAt, String rejectionReason, String decidedBy, List<Strategy> strategies) {
    }

    record DropRequest(String reason) {
    }

    private final StrategyService strategies;
    private final Organization organization;

    StrategyController(StrategyService strategies, Organization organization) {
        this.strategies = strategies;
        this.organization = organization;
    }

    @Operation(summary = "查看服务策略计划", description = "返回该月服务策略计划的状态、评估客户数、生成时间、驳回原因和审核人，"
            + "以及按许可证号排列的全部策略；计划尚未生成时返回 404。客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    PlanView get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        boolean allowed = user.getName().equals(customerManagerId) || isMarketManagerOf(user, customerManagerId)
                || has(user, Groups.MARKETING_CENTRE) || has(user, Groups.ADMIN);
        if (!allowed) {
            throw ApiException.forbidden("只能查看本人或本团队客户经理的服务策略");
        }
        var month = Periods.parse(period);
        StrategyPlan plan = strategies.plan(customerManagerId, month);
        return new PlanView(plan.getCustomerManagerId(), plan.getPeriod(), plan.getStatus(), plan.getCustomers(),
                plan.getGeneratedAt(), plan.approval().rejectionReason(), plan.approval().decidedBy(),
                strategies.strategies(customerManagerId, month));
    }

    @Operation(summary = "新增手工策略", description = "为本人服务的一个在营零售户新增一条手工策略（计划不存在时先建立草稿计划），"
            + "返回 201 和新策略；输入有误或该零售户本月已有相同类型和规格的策略时返回 400，计划已提交、已审核或已锁定时返回 409。"
            + "只有客户经理本人可以新增。")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Strategy addManual(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody ManualStrategy input, Authentication user) {
        requireOwner(user, customerManagerId);
        return strategies.addManual(customerManagerId, Periods.parse(period), input);
    }

    @Operation(summary = "删除策略", description = "从计划中删除一条策略并记下删除原因（必填，缺失或过长时返回 400）；"
            + "计划或策略不存在时返回 404，计划已提交、已审核或已锁定时返回 409。只有客户经理本人可以删除。")
    @PutMapping("/{id}/drop")
    Strategy drop(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @Parameter(description = "策略编号", example = "1") @PathVariable long id,
            @RequestBody DropRequest request, Authentication user) {
        requireOwner(user, customerManagerId);
        return strategies.drop(customerManagerId, Periods.parse(period), id, request.reason());
    }

    @Operation(summary = "恢复策略", description = "撤销对一条策略的删除，未删除的策略保持不变；计划或策略不存在时返回 404，"
            + "计划已提交、已审核或已锁定时返回 409。只有客户经理本人可以恢复。")
    @PutMapping("/{id}/restore")
    Strategy restore(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @Parameter(description = "策略编号", example = "1") @PathVariable long id,
            Authentication user) {
        requireOwner(user, customerManagerId);
        return strategies.restore(customerManagerId, Periods.parse(period), id);
    }

    private static void requireOwner(Authentication user, String customerManagerId) {
        if (!user.getName().equals(customerManagerId)) {
            throw ApiException.forbidden("只有客户经理本人可以调整自己的服务策略");
        }
    }

    private boolean isMarketManagerOf(Authentication user, String customerManagerId) {
        return organization.customerManager(customerManagerId)
                .map(cm -> user.getName().equals(cm.marketManagerId())).orElse(false);
    }

    private static boolean has(Authentication user, String group) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(group));
    }
}
