package cn.cm135.planning.workplan;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.organization.StaffAccess;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.web.Periods;

/**
 * {@code /api/work-plans/{customerManagerId}/{yyyy-MM}}: read a month's work plan (as the customer manager's
 * tasks) or edit a draft or rejected one (the customer manager only; 409 once submitted or approved).
 */
@RestController
@RequestMapping("/api/work-plans/{customerManagerId}/{period}")
class WorkPlanController {

    record WorkPlanView(String customerManagerId, String period, ApprovalStatus status, int customersTop,
            int customersMiddle, int customersBase, WorkPlanValues values, String rejectionReason, String decidedBy) {

        static WorkPlanView of(MonthlyWorkPlan p) {
            return new WorkPlanView(p.getCustomerManagerId(), p.getPeriod(), p.approval().status(), p.getCustomersTop(),
                    p.getCustomersMiddle(), p.getCustomersBase(), p.values(), p.approval().rejectionReason(),
                    p.approval().decidedBy());
        }
    }

    private final WorkPlanService plans;
    private final StaffAccess access;

    WorkPlanController(WorkPlanService plans, StaffAccess access) {
        this.plans = plans;
        this.access = access;
    }

    @GetMapping
    WorkPlanView get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, "月度工作计划");
        return WorkPlanView.of(plans.get(customerManagerId, Periods.parse(period)));
    }

    @PutMapping
    WorkPlanView edit(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody WorkPlanValues values, Authentication user) {
        access.requireSelf(user, customerManagerId, "月度工作计划");
        return WorkPlanView.of(plans.edit(customerManagerId, Periods.parse(period), values));
    }
}
