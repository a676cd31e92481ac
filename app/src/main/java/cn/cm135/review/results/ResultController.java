package cn.cm135.review.results;

import java.time.LocalDateTime;
import java.time.YearMonth;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.organization.StaffAccess;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.rules.Refusal;
import cn.cm135.web.Periods;

/**
 * {@code /api/results/{customerManagerId}/{yyyy-MM}}: a month's results (step 14) as the customer manager's
 * tasks show them; {@code POST …/submit} (the customer manager), {@code …/approve} and {@code …/reject} (the
 * market manager of the team). The marks themselves: {@code cn.cm135.visit.marks}.
 */
@RestController
@RequestMapping("/api/results/{customerManagerId}/{period}")
@Tag(name = "月度工作结果", description = "客户经理某月的工作结果（任务执行情况）及其提交与审核："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，客户经理本人提交，所在团队的市场经理审核通过或驳回。")
class ResultController {

    static final String WHAT = "月度工作结果";

    record ResultView(String customerManagerId, String period, ApprovalStatus status, String statusLabel,
            String rejectionReason, LocalDateTime submittedAt, String decidedBy, LocalDateTime decidedAt,
            MonthExecution execution) {
    }

    record Rejection(String reason) {
    }

    private final ResultService results;
    private final MonthExecutionQuery execution;
    private final StaffAccess access;

    ResultController(ResultService results, MonthExecutionQuery execution, StaffAccess access) {
        this.results = results;
        this.execution = execution;
        this.access = access;
    }

    @Operation(summary = "查看月度工作结果", description = "返回该月工作结果的审核状态、驳回原因、提交和审核时间，以及策略完成情况、"
            + "计划与已完成的拜访次数和临时性任务（尚未提交时为草稿）。客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    ResultView get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return view(customerManagerId, Periods.parse(period));
    }

    @Operation(summary = "提交月度工作结果", description = "把该月工作结果提交给市场经理审核，提交后任务执行标注不能再修改（驳回后可再修改）；"
            + "已提交、已批准或已锁定时返回 409。只有客户经理本人可以提交。")
    @PostMapping("/submit")
    ResultView submit(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        YearMonth month = Periods.parse(period);
        results.submit(customerManagerId, month);
        return view(customerManagerId, month);
    }

    @Operation(summary = "审核通过月度工作结果", description = "审核通过已提交的工作结果并立即锁定，此后该月的任务执行标注、"
            + "拜访记录和周工作安排都不能再修改；未处于已提交状态时返回 409。只有客户经理所在团队的市场经理可以审核。")
    @PostMapping("/approve")
    ResultView approve(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        requireMarketManager(user, customerManagerId);
        YearMonth month = Periods.parse(period);
        results.approve(customerManagerId, month, user.getName());
        return view(customerManagerId, month);
    }

    @Operation(summary = "驳回月度工作结果", description = "驳回已提交的工作结果并退回客户经理修改；驳回原因必填且最多 500 字，"
            + "否则返回 400，未处于已提交状态时返回 409。只有客户经理所在团队的市场经理可以驳回。")
    @PostMapping("/reject")
    ResultView reject(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody(required = false) Rejection body, Authentication user) {
        requireMarketManager(user, customerManagerId);
        YearMonth month = Periods.parse(period);
        results.reject(customerManagerId, month, user.getName(), body == null ? null : body.reason());
        return view(customerManagerId, month);
    }

    private void requireMarketManager(Authentication user, String customerManagerId) {
        if (!access.isMarketManagerOf(user, customerManagerId)) {
            throw Refusal.forbidden("只有客户经理所在团队的市场经理可以审核" + WHAT);
        }
    }

    private ResultView view(String customerManagerId, YearMonth month) {
        MonthResult r = results.get(customerManagerId, month);
        return new ResultView(customerManagerId, month.toString(), r.approval().status(), r.approval().status().label(),
                r.approval().rejectionReason(), r.approval().submittedAt(), r.approval().decidedBy(),
                r.approval().decidedAt(), execution.of(customerManagerId, month));
    }
}
