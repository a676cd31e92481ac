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

import cn.cm135.organization.Groups;
import cn.cm135.organization.Organization;
import cn.cm135.web.ApiException;
import cn.cm135.web.Periods;

/**
 * {@code /api/strategies/{customerManagerId}/{yyyy-MM}}: read a month's strategy plan (the customer manager,
 * their market manager, the marketing centre), add a manual strategy or drop / restore one (the customer
 * manager only, while the plan is a draft or rejected: 409 once it is submitted, approved or locked).
 */
@RestController
@RequestMapping("/api/strategies/{customerManagerId}/{period}")
class StrategyController {

    record PlanView(String customerManagerId, String period, StrategyPlanStatus status, Integer customers,
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

    @GetMapping
    PlanView get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        boolean allowed = user.getName().equals(customerManagerId) || isMarketManagerOf(user, customerManagerId)
                || has(user, Groups.MARKETING_CENTRE) || has(user, Groups.ADMIN);
        if (!allowed) {
            throw ApiException.forbidden("只能查看本人或本团队客户经理的服务策略");
        }
        var month = Periods.parse(period);
        StrategyPlan plan = strategies.plan(customerManagerId, month);
        return new PlanView(plan.getCustomerManagerId(), plan.getPeriod(), plan.getStatus(), plan.getCustomers(),
                plan.getGeneratedAt(), plan.getRejectionReason(), plan.getDecidedBy(),
                strategies.strategies(customerManagerId, month));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Strategy addManual(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody ManualStrategy input, Authentication user) {
        requireOwner(user, customerManagerId);
        return strategies.addManual(customerManagerId, Periods.parse(period), input);
    }

    @PutMapping("/{id}/drop")
    Strategy drop(@PathVariable String customerManagerId, @PathVariable String period, @PathVariable long id,
            @RequestBody DropRequest request, Authentication user) {
        requireOwner(user, customerManagerId);
        return strategies.drop(customerManagerId, Periods.parse(period), id, request.reason());
    }

    @PutMapping("/{id}/restore")
    Strategy restore(@PathVariable String customerManagerId, @PathVariable String period, @PathVariable long id,
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
