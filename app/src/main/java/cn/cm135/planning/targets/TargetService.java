package cn.cm135.planning.targets;

import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.planning.approval.Approvals;
import cn.cm135.rules.Refusal;

/**
 * The module API of step 1 / 1a: every path that touches a month's targets (process, REST, import)
 * goes through here, so the life-cycle rules hold whichever door a change comes through.
 */
@Service
// A refused change changed nothing, so it need not doom the caller's transaction (an import
// reports the refusal as a bad row and goes on checking the rest of the file).
@Transactional(noRollbackFor = Refusal.class)
public class TargetService {

    private final MonthlyTargetRepository targets;
    private final TargetForecast forecast;
    private final TargetLimits limits;
    private final Approvals approvals;

    TargetService(MonthlyTargetRepository targets, TargetForecast forecast, TargetLimits limits, Approvals approvals) {
        this.targets = targets;
        this.forecast = forecast;
        this.limits = limits;
        this.approvals = approvals;
    }

    /** Creates the month's draft from the forecast, or refreshes the forecast of an existing one. */
    @Transactional(noRollbackFor = Refusal.class)
    public MonthlyTarget prefill(String customerManagerId, YearMonth month) {
        MonthlyTarget target = targets.findByCustomerManagerIdAndPeriod(customerManagerId, month.toString())
                .orElseGet(() -> new MonthlyTarget(customerManagerId, month.toString()));
        if (!target.getStatus().isFrozen()) {
            TargetForecast.Forecast f = forecast.forecast(customerManagerId, month);
            target.applyForecast(f.values(), f.basis());
        }
        return targets.save(target);
    }

    @Transactional(readOnly = true)
    public MonthlyTarget get(String customerManagerId, YearMonth month) {
        return targets.findByCustomerManagerIdAndPeriod(customerManagerId, month.toString())
                .orElseThrow(() -> new TargetException(TargetException.Kind.NOT_FOUND, null,
                        "%s 没有 %s 月的目标".formatted(customerManagerId, month)));
    }

    /** Monthly volume and 单条值 of the customer manager's customers over the 12 months before {@code month}. */
    @Transactional(readOnly = true)
    public List<TargetForecast.MonthSales> history(String customerManagerId, YearMonth month) {
        return forecast.history(customerManagerId, month);
    }

    /** Saves edits of a draft or rejected target without submitting it (REST, import). */
    @Transactional(noRollbackFor = Refusal.class)
    public MonthlyTarget edit(String customerManagerId, YearMonth month, TargetValues values) {
        MonthlyTarget target = get(customerManagerId, month);
        limits.check(values);
        target.edit(values);
        return targets.save(target);
    }

    /**
     * Writes imported values as a draft, creating the month's target if it has none. Approved or
     * locked targets refuse, like every other path.
     *
     * @return what the import did to the month's target
     */
    @Transactional(noRollbackFor = Refusal.class)
    public ImportOutcome importDraft(String customerManagerId, YearMonth month, TargetValues values) {
        limits.check(values);
        var existing = targets.findByCustomerManagerIdAndPeriod(customerManagerId, month.toString());
        MonthlyTarget target = existing.orElseGet(() -> new MonthlyTarget(customerManagerId, month.toString()));
        boolean same = existing.isPresent() && target.values().sameAs(values);
        target.edit(values);
        if (same) {
            return ImportOutcome.UNCHANGED;
        }
        targets.save(target);
        return existing.isEmpty() ? ImportOutcome.CREATED : ImportOutcome.UPDATED;
    }

    public enum ImportOutcome { CREATED, UPDATED, UNCHANGED }

    @Transactional(noRollbackFor = Refusal.class)
    public MonthlyTarget submit(String customerManagerId, YearMonth month, TargetValues values) {
        MonthlyTarget target = get(customerManagerId, month);
        limits.check(values);
        target.edit(values);
        approvals.submit(target);
        return targets.save(target);
    }

    @Transactional(noRollbackFor = Refusal.class)
    public MonthlyTarget approve(String customerManagerId, YearMonth month, String approver) {
        MonthlyTarget target = get(customerManagerId, month);
        approvals.approve(target, approver);
        return targets.save(target);
    }

    @Transactional(noRollbackFor = Refusal.class)
    public MonthlyTarget reject(String customerManagerId, YearMonth month, String approver, String reason) {
        MonthlyTarget target = get(customerManagerId, month);
        approvals.reject(target, approver, reason);
        return targets.save(target);
    }

    @Transactional(noRollbackFor = Refusal.class)
    public MonthlyTarget lock(String customerManagerId, YearMonth month) {
        MonthlyTarget target = get(customerManagerId, month);
        approvals.lock(target);
        return targets.save(target);
    }
}
