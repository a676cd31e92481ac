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

    @GetMapping
    ResultView get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return view(customerManagerId, Periods.parse(period));
    }

    @PostMapping("/submit")
    ResultView submit(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        YearMonth month = Periods.parse(period);
        results.submit(customerManagerId, month);
        return view(customerManagerId, month);
    }

    @PostMapping("/approve")
    ResultView approve(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        requireMarketManager(user, customerManagerId);
        YearMonth month = Periods.parse(period);
        results.approve(customerManagerId, month, user.getName());
        return view(customerManagerId, month);
    }

    @PostMapping("/reject")
    ResultView reject(@PathVariable String customerManagerId, @PathVariable String period,
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
