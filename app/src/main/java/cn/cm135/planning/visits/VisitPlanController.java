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

import cn.cm135.organization.StaffAccess;
import cn.cm135.web.Periods;

/**
 * {@code /api/visit-plans/{customerManagerId}/{yyyy-MM}}: a month's visit plan with its capacity check and the
 * 商定总量 of the key specs (read: the customer manager, their market manager, the marketing centre); the
 * customer manager (only) proposes it, adjusts frequencies, overrides 商定总量 and confirms — 409 once confirmed.
 */
@RestController
@RequestMapping("/api/visit-plans/{customerManagerId}/{period}")
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

    @GetMapping
    VisitPlanView get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return plans.plan(customerManagerId, Periods.parse(period));
    }

    @PutMapping
    VisitPlanView change(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody VisitPlanChanges changes, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        var month = Periods.parse(period);
        plans.change(customerManagerId, month, changes.visits(), changes.overrides(), user.getName());
        return plans.plan(customerManagerId, month);
    }

    /** (Re)generates the proposal of a draft plan; adjustments and overrides are kept. */
    @PostMapping("/proposal")
    VisitPlanView propose(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        var month = Periods.parse(period);
        plans.propose(customerManagerId, month);
        return plans.plan(customerManagerId, month);
    }

    /** 确定: 400 when the planned visits exceed the working days' capacity, 409 when already confirmed. */
    @PostMapping("/confirmation")
    VisitPlanView confirm(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        var month = Periods.parse(period);
        plans.confirm(customerManagerId, month, user.getName());
        return plans.plan(customerManagerId, month);
    }
}
