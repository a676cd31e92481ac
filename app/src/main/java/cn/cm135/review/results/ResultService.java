package cn.cm135.review.results;

import java.time.YearMonth;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.planning.approval.Approvals;
import cn.cm135.rules.Refusal;

/**
 * 结果提交 / 结果审核 (step 14): the customer manager submits the month's marks, the market manager approves
 * them (then they are locked) or rejects them with a reason, which reopens them for the customer manager.
 * While submitted and once approved, the month's marks and ad-hoc tasks refuse changes ({@link #requireOpen});
 * visit records and week arrangements only once approved (visit/ResultsLock): a submitted month may still be
 * completed by a late visit record until the market manager decides.
 */
@Service
public class ResultService {

    private final MonthResultRepository results;
    private final Approvals approvals;

    ResultService(MonthResultRepository results, Approvals approvals) {
        this.results = results;
        this.approvals = approvals;
    }

    /** The month's result; a draft (not stored) while nothing was submitted. */
    @Transactional(readOnly = true)
    public MonthResult get(String customerManagerId, YearMonth month) {
        return results.findById(new MonthResult.Key(customerManagerId, month.toString()))
                .orElseGet(() -> new MonthResult(customerManagerId, month.toString()));
    }

    /** @throws Refusal LOCKED (确定后不能修改) while the results wait for the review or once approved */
    @Transactional(readOnly = true)
    public void requireOpen(String customerManagerId, YearMonth month) {
        MonthResult result = get(customerManagerId, month);
        result.approval().requireNotUnderReview(result.approvalSubject());
    }

    /** 结果提交 by the customer manager. */
    @Transactional
    public MonthResult submit(String customerManagerId, YearMonth month) {
        MonthResult result = get(customerManagerId, month);
        approvals.submit(result);
        return results.save(result);
    }

    /** 结果审核 passed: the results are approved and locked at once. */
    @Transactional
    public MonthResult approve(String customerManagerId, YearMonth month, String marketManagerId) {
        MonthResult result = get(customerManagerId, month);
        approvals.approve(result, marketManagerId);
        approvals.lock(result);
        return results.save(result);
    }

    /** Back to the customer manager with a reason (required, ≤ 500 字). */
    @Transactional
    public MonthResult reject(String customerManagerId, YearMonth month, String marketManagerId, String reason) {
        MonthResult result = get(customerManagerId, month);
        approvals.reject(result, marketManagerId, reason);
        return results.save(result);
    }
}
