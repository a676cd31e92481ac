package cn.cm135.planning.workplan;

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
 * {@code /api/work-plans/{customerManagerId}/{yyyy-MM}}: read a month's work plan (as the customer manager's
 * tasks) or edit a draft or rejected one (the customer manager only; 409 once submitted or approved).
 */
@RestController
@RequestMapping("/api/work-plans/{customerManagerId}/{period}")
@Tag(name = "月度工作计划", description = "客户经理某月的工作计划（各档客户数与计划拜访次数、客户/品牌/市场方面重点工作、改进措施）："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以修改草稿或被驳回的计划。")
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

    @Operation(summary = "查看月度工作计划", description = "返回该月工作计划的状态、各档客户数、计划内容以及驳回原因和审核人；"
            + "计划尚未生成时返回 404。客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    WorkPlanView get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, "月度工作计划");
        return WorkPlanView.of(plans.get(customerManagerId, Periods.parse(period)));
    }

    @Operation(summary = "修改月度工作计划", description = "保存草稿或被驳回计划的修改，不提交审核；拜访次数缺失或超出范围、"
            + "文字过长时返回 400，计划尚未生成时返回 404，已提交、已批准或已锁定时返回 409。只有客户经理本人可以修改。")
    @PutMapping
    WorkPlanView edit(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody WorkPlanValues values, Authentication user) {
        access.requireSelf(user, customerManagerId, "月度工作计划");
        return WorkPlanView.of(plans.edit(customerManagerId, Periods.parse(period), values));
    }
}
