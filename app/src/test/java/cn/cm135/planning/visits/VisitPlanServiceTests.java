package cn.cm135.planning.visits;

import static cn.cm135.planning.visits.VisitPlanFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.customer.ledger.NegotiatedQuantity;
import cn.cm135.customer.ledger.NegotiatedQuantityService;
import cn.cm135.rules.Refusal;

/**
 * Step 11 through its service on the hand-computed {@link VisitPlanFixture}: the proposal, adjustments that
 * survive a new proposal, the capacity check, 商定总量 overrides, and the lock of a confirmed plan. Each
 * test has its own fixture (own prefix).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VisitPlanServiceTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;
    @Autowired VisitPlanService plans;
    @Autowired NegotiatedQuantityService negotiated;

    @Test
    void proposalFollowsTheGradeBandsRaisedByStrategiesWithTheAnalysedGradeFirst() {
        VisitPlanFixture f = new VisitPlanFixture(jdbc, rollup, "VSA");
        plans.propose(f.cm1, MONTH);
        List<PlannedVisit> visits = plans.visits(f.cm1, MONTH);

        assertFixtureProposal(f, visits);
        assertThat(visits).allSatisfy(v -> {
            assertThat(v.adjusted()).isFalse();
            assertThat(v.plannedFrequency()).isEqualTo(v.proposedFrequency());
        });
        assertThat(plans.capacity(f.cm1, MONTH)).isEqualTo(new VisitCapacity(20, 40, 800, 35, 35, 0, true,
                "本月计划拜访 35 次，工作日 20 天 × 40 = 800 次，未超出（尚余 765 次）"));
    }

    /** The fixture's table, shared with the PostgreSQL test. */
    static void assertFixtureProposal(VisitPlanFixture f, List<PlannedVisit> visits) {
        String p = f.org.code("");
        assertThat(visits).extracting(PlannedVisit::licenceNo, PlannedVisit::grade, PlannedVisit::gradeSource,
                PlannedVisit::strategyRaise, PlannedVisit::proposedFrequency).containsExactly(
                        tuple(p + "C01", 30, "ANALYSIS", null, 4),
                        tuple(p + "C02", 25, "ANALYSIS", null, 4),
                        tuple(p + "C03", 24, "ANALYSIS", null, 2),
                        tuple(p + "C04", 15, "ANALYSIS", null, 2),
                        tuple(p + "C05", 14, "ANALYSIS", null, 1),
                        tuple(p + "C06", 1, "ANALYSIS", null, 1),
                        tuple(p + "C07", 27, "CUSTOMER", null, 4),
                        tuple(p + "C08", null, null, null, 1),
                        tuple(p + "C09", 20, "ANALYSIS", "经营分析指导", 3),
                        tuple(p + "C10", 10, "ANALYSIS", "品牌", 2),
                        tuple(p + "C11", 26, "ANALYSIS", null, 4),
                        tuple(p + "C12", 26, "ANALYSIS", null, 4),
                        tuple(p + "C13", 5, "ANALYSIS", "经营分析指导", 2),
                        tuple(p + "C14", 12, "ANALYSIS", null, 1));
        assertThat(visits.stream().mapToInt(PlannedVisit::proposedFrequency).sum()).isEqualTo(VisitPlanFixture.PROPOSED_TOTAL);
        assertThat(visits).extracting(PlannedVisit::routeCode).containsOnly(f.org.code("R-cm1"), f.org.code("S-cm1"));
        assertThat(visits.get(0).ruleReason()).isEqualTo("档位 30 → 4 次");
        assertThat(visits.get(6).ruleReason()).isEqualTo("档位 27（2034-01 未分析，按零售户档位） → 4 次");
        assertThat(visits.get(7).ruleReason()).isEqualTo("无档位 → 1 次");
        assertThat(visits.get(8).ruleReason()).isEqualTo("档位 20 → 2 次；有经营分析指导策略 +1");
        assertThat(visits.get(9).ruleReason()).isEqualTo("档位 10 → 1 次；有品牌策略 +1");
        assertThat(visits.get(12).ruleReason()).isEqualTo("档位 5 → 1 次；有经营分析指导策略 +1");
    }

    @Test
    void adjustmentsNeedAReasonAndABadRowChangesNothing() {
        VisitPlanFixture f = new VisitPlanFixture(jdbc, rollup, "VSB");
        plans.propose(f.cm1, MONTH);
        long c01 = f.id("C01");

        assertRefused(() -> plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 6, "  ")), f.cm1),
                Refusal.Kind.INVALID, "reason", "计划拜访 6 次与建议的 4 次不同，请填写调整原因");
        assertRefused(() -> plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 32, "太多")), f.cm1),
                Refusal.Kind.INVALID, "plannedFrequency", "计划拜访次数必须在 0 到 31 之间，收到 32");
        assertRefused(() -> plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, -1, "负数")), f.cm1),
                Refusal.Kind.INVALID, "plannedFrequency", "收到 -1");
        assertRefused(() -> plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, null, null)), f.cm1),
                Refusal.Kind.INVALID, "plannedFrequency", "收到 null");
        // A good first row does not go in when the second is bad: the other manager's customer, a suspended one.
        assertRefused(() -> plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 6, "旺季"),
                new VisitAdjustment(f.x1, 2, "别人的")), f.cm1), Refusal.Kind.INVALID, "customerId",
                "拜访计划第 2 行：客户 " + f.x1 + " 不在客户经理 " + f.cm1 + " 的 2034-02 拜访计划中");
        assertRefused(() -> plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(f.suspended, 2, "停业")), f.cm1),
                Refusal.Kind.INVALID, "customerId", "不在客户经理");
        assertRefused(() -> plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 6, "旺季"),
                new VisitAdjustment(c01, 5, "再来")), f.cm1), Refusal.Kind.INVALID, "customerId", "第 2 行（零售户C01（VSBC01））：客户重复");
        assertThat(plans.visits(f.cm1, MONTH)).noneMatch(PlannedVisit::adjusted);

        // C01 4 → 6, C05 kept at its proposal (no reason needed): planned 35 + 2 = 37.
        plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 6, " 婚庆旺季 "),
                new VisitAdjustment(f.id("C05"), 1, null)), f.cm1);
        PlannedVisit first = plans.visits(f.cm1, MONTH).get(0);
        assertThat(first).extracting(PlannedVisit::proposedFrequency, PlannedVisit::plannedFrequency,
                PlannedVisit::adjusted, PlannedVisit::adjustmentReason).containsExactly(4, 6, true, "婚庆旺季");
        assertThat(plans.visits(f.cm1, MONTH)).filteredOn(PlannedVisit::adjusted).hasSize(1);
        assertThat(plans.capacity(f.cm1, MONTH).plannedTotal()).isEqualTo(37);

        // Back to the proposal withdraws the adjustment.
        plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 4, null)), f.cm1);
        assertThat(plans.visits(f.cm1, MONTH)).noneMatch(PlannedVisit::adjusted);
        assertThat(plans.capacity(f.cm1, MONTH).plannedTotal()).isEqualTo(35);
    }

    @Test
    void aNewProposalFollowsGradesStrategiesAndCustomersButKeepsTheAdjustments() {
        VisitPlanFixture f = new VisitPlanFixture(jdbc, rollup, "VSC");
        plans.propose(f.cm1, MONTH);
        plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(f.id("C01"), 6, "婚庆旺季"),
                new VisitAdjustment(f.id("C05"), 3, "新品上柜跟踪")), f.cm1);

        // Meanwhile: C05 gets a brand strategy (1 → 2), C07's own grade drops to 10 (4 → 1), C06 is suspended,
        // a new customer C15 of grade 16 opens (2).
        f.strategy(f.id("C05"), MONTH.toString(), "新品培育", "品牌", "OPEN");
        jdbc.update("update retail_customer set grade = 10 where id = ?", f.id("C07"));
        jdbc.update("update retail_customer set status = 'SUSPENDED' where id = ?", f.id("C06"));
        long c15 = f.org.customer("cm1", "C15", 16, "ACTIVE");
        plans.propose(f.cm1, MONTH);

        List<PlannedVisit> visits = plans.visits(f.cm1, MONTH);
        String p = f.org.code("");
        assertThat(visits).extracting(PlannedVisit::licenceNo, PlannedVisit::proposedFrequency,
                PlannedVisit::plannedFrequency, PlannedVisit::adjustmentReason).startsWith(
                        tuple(p + "C01", 4, 6, "婚庆旺季"),
                        tuple(p + "C02", 4, 4, null),
                        tuple(p + "C03", 2, 2, null),
                        tuple(p + "C04", 2, 2, null),
                        tuple(p + "C05", 2, 3, "新品上柜跟踪"),
                        tuple(p + "C07", 1, 1, null),
                        tuple(p + "C08", 1, 1, null),
                        tuple(p + "C15", 2, 2, null));
        assertThat(visits).hasSize(14).extracting(PlannedVisit::customerId).contains(c15).doesNotContain(f.id("C06"));
        assertThat(visits.get(4).ruleReason()).isEqualTo("档位 14 → 1 次；有品牌策略 +1");
        // Proposed 35 + 1 (C05) − 3 (C07) − 1 (C06 gone) + 2 (C15) = 34; planned adds C01 +2 and C05 +1 = 37.
        VisitCapacity capacity = plans.capacity(f.cm1, MONTH);
        assertThat(capacity.proposedTotal()).isEqualTo(34);
        assertThat(capacity.plannedTotal()).isEqualTo(37);
    }

    @Test
    void negotiatedQuantitiesShowTheComputedValueUnlessOverriddenWithAReason() {
        VisitPlanFixture f = new VisitPlanFixture(jdbc, rollup, "VSD");
        plans.propose(f.cm1, MONTH);
        long c01 = f.id("C01"), c02 = f.id("C02"), c08 = f.id("C08");
        String k1 = f.org.code("K1"), k2 = f.org.code("K2");

        // The set-based proposal of all the manager's customers gives what the one-customer proposal gives.
        var keySpecs = negotiated.proposeKeySpecs(f.cm1, MONTH);
        assertThat(keySpecs).containsOnlyKeys(c01, c02);
        assertThat(keySpecs.get(c01)).isEqualTo(negotiated.propose(c01, MONTH).stream()
                .filter(q -> !q.specCode().equals(f.org.code("N1"))).toList());
        assertThat(keySpecs.get(c02)).isEqualTo(negotiated.propose(c02, MONTH));
        assertThat(keySpecs.get(c01).get(0)).isEqualTo(new NegotiatedQuantity(k1, 60, new BigDecimal("20.00"),
                new BigDecimal("1.9200"), false, BigDecimal.ONE, 38));

        assertThat(rows(f)).containsExactly(
                tuple(c01, k1, 38, null, 38),
                tuple(c01, k2, 6, null, 6),
                tuple(c02, k1, 4, null, 4));

        assertRefused(() -> plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(c01, k1, 45, " ")), f.cm1),
                Refusal.Kind.INVALID, "reason", "商定总量第 1 行：调整商定总量必须填写原因");
        assertRefused(() -> plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(c01, f.org.code("N1"), 45,
                "x")), f.cm1), Refusal.Kind.INVALID, "specCode", "不是重点品牌规格");
        assertRefused(() -> plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(f.x1, k1, 45, "x")), f.cm1),
                Refusal.Kind.INVALID, "customerId", "不在客户经理");
        assertRefused(() -> plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(c01, k1, 10_001, "x")), f.cm1),
                Refusal.Kind.INVALID, "quantity", "商定总量必须在 0 到 10000 条之间，收到 10001");
        assertRefused(() -> plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(c01, k1, 45, "旺季"),
                new NegotiatedOverride(c01, k1, 50, "重复")), f.cm1), Refusal.Kind.INVALID, "specCode", "重复");
        assertThat(history(f)).isZero();

        // C01 K1 38 → 45; C08 bought no K2 in the 3 months (computed 0) but agrees to 5.
        plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(c01, k1, 45, "婚庆旺季"),
                new NegotiatedOverride(c08, k2, 5, "新品试销")), f.cm1);
        assertThat(rows(f)).containsExactly(
                tuple(c01, k1, 38, 45, 45),
                tuple(c01, k2, 6, null, 6),
                tuple(c02, k1, 4, null, 4),
                tuple(c08, k2, 0, 5, 5));
        NegotiatedQuantityRow overridden = plans.plan(f.cm1, MONTH).negotiatedQuantities().get(0);
        assertThat(overridden.overrideReason()).isEqualTo("婚庆旺季");
        assertThat(overridden.overriddenBy()).isEqualTo(f.cm1);
        assertThat(history(f)).isEqualTo(2);

        // The same list again changes nothing; a new list withdraws C08's and changes C01's: 2 more history rows.
        plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(c01, k1, 45, "婚庆旺季"),
                new NegotiatedOverride(c08, k2, 5, "新品试销")), f.cm1);
        assertThat(history(f)).isEqualTo(2);
        plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(c01, k1, 40, "婚庆旺季，少一些")), f.cm1);
        assertThat(rows(f)).containsExactly(
                tuple(c01, k1, 38, 40, 40),
                tuple(c01, k2, 6, null, 6),
                tuple(c02, k1, 4, null, 4));
        assertThat(jdbc.queryForList("select h.quantity from negotiated_quantity_override_history h "
                + "join retail_customer c on c.id = h.customer_id where c.licence_no like 'VSD%' order by h.id",
                Integer.class)).containsExactly(45, 5, null, 40);
    }

    @Test
    void aConfirmedPlanRefusesEveryChange() {
        VisitPlanFixture f = new VisitPlanFixture(jdbc, rollup, "VSE");
        plans.propose(f.cm1, MONTH);
        long c01 = f.id("C01");
        String k1 = f.org.code("K1");
        plans.change(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 6, "婚庆旺季")),
                List.of(new NegotiatedOverride(c01, k1, 45, "婚庆旺季")), f.cm1);
        plans.confirm(f.cm1, MONTH, f.cm1);
        assertThat(plans.isConfirmed(f.cm1, MONTH)).isTrue();
        assertThat(plans.plan(f.cm1, MONTH)).extracting(VisitPlanView::status, VisitPlanView::statusLabel,
                VisitPlanView::confirmedBy).containsExactly("CONFIRMED", "已确定", f.cm1);

        String locked = f.cm1 + " 的 2034-02 客户拜访计划已确定，不能再修改（确定后不能修改）";
        assertRefused(() -> plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 7, "再多一次")), f.cm1),
                Refusal.Kind.LOCKED, null, locked);
        assertRefused(() -> plans.adjust(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 4, null)), f.cm1),
                Refusal.Kind.LOCKED, null, locked);
        assertRefused(() -> plans.replaceOverrides(f.cm1, MONTH, List.of(), f.cm1), Refusal.Kind.LOCKED, null, locked);
        assertRefused(() -> plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(c01, k1, 46, "x")), f.cm1),
                Refusal.Kind.LOCKED, null, locked);
        assertRefused(() -> plans.propose(f.cm1, MONTH), Refusal.Kind.LOCKED, null, locked);
        assertRefused(() -> plans.confirm(f.cm1, MONTH, f.cm1), Refusal.Kind.LOCKED, null, "不能重复确定");
        // Submitting the plan as it stands is no change (a task completed after a REST 确定).
        plans.change(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 6, "婚庆旺季")),
                List.of(new NegotiatedOverride(c01, k1, 45, "婚庆旺季")), f.cm1);

        assertThat(plans.visits(f.cm1, MONTH).get(0).plannedFrequency()).isEqualTo(6);
        assertThat(rows(f).get(0)).isEqualTo(tuple(c01, k1, 38, 45, 45));
    }

    @Test
    void aPlanOverTheWorkingDaysCapacityIsNotConfirmed() {
        VisitPlanFixture f = new VisitPlanFixture(jdbc, rollup, "VSF");
        // 27 customers without a grade (1 visit each), all planned at 30: 810 visits > 20 days × 40 = 800.
        String big = f.org.customerManager("D1", "big", "郑很忙");
        List<VisitAdjustment> adjustments = new ArrayList<>();
        for (int i = 1; i <= 27; i++) {
            adjustments.add(new VisitAdjustment(f.org.customer("big", "B" + i, null, "ACTIVE"), 30, "重点帮扶"));
        }
        assertRefused(() -> plans.adjust(big, MONTH, adjustments, big), Refusal.Kind.NOT_FOUND, null, "尚未生成");
        plans.propose(big, MONTH);
        plans.adjust(big, MONTH, adjustments, big);

        VisitCapacity capacity = plans.capacity(big, MONTH);
        assertThat(capacity).isEqualTo(new VisitCapacity(20, 40, 800, 27, 810, 10, false,
                "本月计划拜访 810 次，工作日 20 天 × 40 = 800 次，超出 10 次"));
        assertRefused(() -> plans.confirm(big, MONTH, big), Refusal.Kind.INVALID, "plannedFrequency",
                "本月计划拜访 810 次，工作日 20 天 × 40 = 800 次，超出 10 次，请减少拜访次数后再确定");
        assertThat(plans.isConfirmed(big, MONTH)).isFalse();

        // One customer down to 20: 800 visits fit exactly.
        plans.adjust(big, MONTH, List.of(new VisitAdjustment(adjustments.get(0).customerId(), 20, "重点帮扶")), big);
        assertThat(plans.capacity(big, MONTH).message()).isEqualTo("本月计划拜访 800 次，工作日 20 天 × 40 = 800 次，未超出（尚余 0 次）");
        plans.confirm(big, MONTH, big);
        assertThat(plans.isConfirmed(big, MONTH)).isTrue();
    }

    private List<org.assertj.core.groups.Tuple> rows(VisitPlanFixture f) {
        return plans.plan(f.cm1, MONTH).negotiatedQuantities().stream().map(q -> tuple(q.customerId(), q.specCode(),
                q.computedQuantity(), q.overrideQuantity(), q.effectiveQuantity())).toList();
    }

    private int history(VisitPlanFixture f) {
        return jdbc.queryForObject("select count(*) from negotiated_quantity_override_history h join retail_customer c "
                + "on c.id = h.customer_id where c.licence_no like ?", Integer.class, f.org.code("") + "%");
    }

    static void assertRefused(Runnable call, Refusal.Kind kind, String field, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.kind()).isEqualTo(kind);
            assertThat(r.field()).isEqualTo(field);
            assertThat(r.getMessage()).contains(message);
        });
    }
}
