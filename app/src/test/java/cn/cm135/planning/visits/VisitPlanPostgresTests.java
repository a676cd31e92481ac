package cn.cm135.planning.visits;

import static cn.cm135.planning.visits.VisitPlanFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.customer.ledger.NegotiatedQuantityService;

import cn.cm135.postgres.OwnPostgresDatabase;

/**
 * The hand-computed {@link VisitPlanFixture} on its own embedded PostgreSQL: the proposal's INSERT … SELECT
 * (string building, casts, the strategy subquery), the set-based 商定总量 and the plan's writes give the same
 * numbers as on H2.
 */
@OwnPostgresDatabase
@SpringBootTest(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class VisitPlanPostgresTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;
    @Autowired VisitPlanService plans;
    @Autowired NegotiatedQuantityService negotiated;

    @Test
    void wholeVisitPlanOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        VisitPlanFixture f = new VisitPlanFixture(jdbc, rollup, "VPG");
        plans.propose(f.cm1, MONTH);
        VisitPlanServiceTests.assertFixtureProposal(f, plans.visits(f.cm1, MONTH));

        long c01 = f.id("C01"), c02 = f.id("C02"), c08 = f.id("C08");
        String k1 = f.org.code("K1"), k2 = f.org.code("K2");
        assertThat(negotiated.proposeKeySpecs(f.cm1, MONTH).get(c01)).isEqualTo(negotiated.propose(c01, MONTH).stream()
                .filter(q -> !q.specCode().equals(f.org.code("N1"))).toList());

        plans.change(f.cm1, MONTH, List.of(new VisitAdjustment(c01, 6, "婚庆旺季")),
                List.of(new NegotiatedOverride(c01, k1, 45, "婚庆旺季"), new NegotiatedOverride(c08, k2, 5, "新品试销")), f.cm1);
        plans.replaceOverrides(f.cm1, MONTH, List.of(new NegotiatedOverride(c01, k1, 45, "婚庆旺季")), f.cm1);
        // A new proposal keeps the adjustment.
        plans.propose(f.cm1, MONTH);
        plans.confirm(f.cm1, MONTH, f.cm1);

        VisitPlanView plan = plans.plan(f.cm1, MONTH);
        assertThat(plan.status()).isEqualTo("CONFIRMED");
        assertThat(plan.capacity()).isEqualTo(new VisitCapacity(20, 40, 800, 35, 37, 0, true,
                "本月计划拜访 37 次，工作日 20 天 × 40 = 800 次，未超出（尚余 763 次）"));
        assertThat(plan.customers().get(0)).extracting(PlannedVisit::plannedFrequency, PlannedVisit::adjustmentReason)
                .containsExactly(6, "婚庆旺季");
        assertThat(plan.negotiatedQuantities()).extracting(NegotiatedQuantityRow::customerId,
                NegotiatedQuantityRow::specCode, NegotiatedQuantityRow::computedQuantity,
                NegotiatedQuantityRow::overrideQuantity, NegotiatedQuantityRow::effectiveQuantity).containsExactly(
                        tuple(c01, k1, 38, 45, 45), tuple(c01, k2, 6, null, 6), tuple(c02, k1, 4, null, 4));
        assertThat(jdbc.queryForList("select quantity from negotiated_quantity_override_history order by id",
                Integer.class)).containsExactly(45, 5, null);
    }
}
