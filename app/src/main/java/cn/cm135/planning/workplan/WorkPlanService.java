package cn.cm135.planning.workplan;

import java.time.YearMonth;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.planning.approval.Approvals;
import cn.cm135.process.ImprovementMeasures;
import cn.cm135.rules.Refusal;

/**
 * A customer manager's monthly work plan: drafted from the analysis, edited and submitted by the customer
 * manager, approved or rejected (with a reason) by the market manager, then locked. Refusals leave the
 * plan as it was ({@link Refusal} rolls the transaction back).
 */
@Service
public class WorkPlanService {

    static final int TEXT_MAX = 2000;
    static final int VISITS_MAX = 10_000;

    private final MonthlyWorkPlanRepository plans;
    private final WorkPlanComposer composer;
    private final ImprovementMeasures improvements;
    private final WorkPlanBands bands;
    private final Approvals approvals;

    WorkPlanService(MonthlyWorkPlanRepository plans, WorkPlanComposer composer, ImprovementMeasures improvements,
            WorkPlanBands bands, Approvals approvals) {
        this.plans = plans;
        this.composer = composer;
        this.improvements = improvements;
        this.bands = bands;
        this.approvals = approvals;
    }

    /**
     * Creates the month's plan from the analysis, or refreshes the proposal of a plan nobody has submitted
     * yet; a submitted, rejected or approved plan keeps the customer manager's words. The improvement measures
     * are those of last month's finished 月度工作总结 (step 16), else what the plan already holds.
     */
    @Transactional
    public MonthlyWorkPlan prepare(String customerManagerId, YearMonth month) {
        MonthlyWorkPlan plan = plans.findByCustomerManagerIdAndPeriod(customerManagerId, month.toString())
                .orElseGet(() -> new MonthlyWorkPlan(customerManagerId, month.toString()));
        String measures = improvements.of(customerManagerId, month.minusMonths(1))
                .orElse(plan.values().improvementMeasures());
        plan.propose(composer.draft(customerManagerId, month, measures));
        return plans.save(plan);
    }

    @Transactional(readOnly = true)
    public MonthlyWorkPlan get(String customerManagerId, YearMonth month) {
        return plans.findByCustomerManagerIdAndPeriod(customerManagerId, month.toString())
                .orElseThrow(() -> Refusal.notFound(customerManagerId + " 的 " + month + " 月度工作计划尚未生成"));
    }

    @Transactional
    public MonthlyWorkPlan edit(String customerManagerId, YearMonth month, WorkPlanValues values) {
        MonthlyWorkPlan plan = get(customerManagerId, month);
        plan.edit(checked(values, false));
        return plan;
    }

    /** 确定: the customer manager submits the plan to the market manager. */
    @Transactional
    public MonthlyWorkPlan submit(String customerManagerId, YearMonth month, WorkPlanValues values) {
        MonthlyWorkPlan plan = get(customerManagerId, month);
        plan.edit(checked(values, true));
        approvals.submit(plan);
        return plan;
    }

    @Transactional
    public MonthlyWorkPlan approve(String customerManagerId, YearMonth month, String marketManagerId) {
        MonthlyWorkPlan plan = get(customerManagerId, month);
        approvals.approve(plan, marketManagerId);
        return plan;
    }

    @Transactional
    public MonthlyWorkPlan reject(String customerManagerId, YearMonth month, String marketManagerId, String reason) {
        MonthlyWorkPlan plan = get(customerManagerId, month);
        approvals.reject(plan, marketManagerId, reason);
        return plan;
    }

    @Transactional
    public MonthlyWorkPlan lock(String customerManagerId, YearMonth month) {
        MonthlyWorkPlan plan = get(customerManagerId, month);
        approvals.lock(plan);
        return plan;
    }

    private WorkPlanValues checked(WorkPlanValues v, boolean submitting) {
        visits(v.visitsTop(), "visitsTop", visitsLabel(bands, WorkPlanBands.TOP));
        visits(v.visitsMiddle(), "visitsMiddle", visitsLabel(bands, WorkPlanBands.MIDDLE));
        visits(v.visitsBase(), "visitsBase", visitsLabel(bands, WorkPlanBands.BASE));
        text(v.customerWork(), "customerWork", "客户方面重点工作", submitting);
        text(v.brandWork(), "brandWork", "品牌方面重点工作", submitting);
        text(v.marketWork(), "marketWork", "市场方面重点工作", submitting);
        text(v.improvementMeasures(), "improvementMeasures", "改进措施", false);
        return new WorkPlanValues(v.visitsTop(), v.visitsMiddle(), v.visitsBase(), strip(v.customerWork()),
                strip(v.brandWork()), strip(v.marketWork()), strip(v.improvementMeasures()));
    }

    /** The name of a band's visits field, e.g. "25–30 档计划拜访次数" (the form's label). */
    static String visitsLabel(WorkPlanBands bands, int band) {
        return bands.label(band) + "计划拜访次数";
    }

    private static void visits(Integer value, String field, String label) {
        if (value == null) {
            throw Refusal.invalid(field, label + "必须填写");
        }
        if (value < 0 || value > VISITS_MAX) {
            throw Refusal.invalid(field, label + "必须在 0 到 " + VISITS_MAX + " 之间，收到 " + value);
        }
    }

    private static void text(String value, String field, String label, boolean required) {
        if (required && (value == null || value.isBlank())) {
            throw Refusal.invalid(field, label + "必须填写");
        }
        if (value != null && value.strip().length() > TEXT_MAX) {
            throw Refusal.invalid(field, label + "最多 " + TEXT_MAX + " 字");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
