package cn.cm135.planning.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.customer.analysis.SalesRollup;

/**
 * The ten default rules of processes/service-strategy.dmn on hand-built customers (see {@link StrategyFixture}):
 * each fires on its customer with the numbers in the reason, and stays silent on the near miss beside it.
 * Then a modified table deployed through the RepositoryService changes the outcome without any Java change.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrategyRuleTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;
    @Autowired StrategyService strategies;
    @Autowired RepositoryService repositoryService;
    @Autowired DecisionService decisionService;

    StrategyFixture f;
    String cm;
    String cmRedeploy;
    GenerationResult first;

    @BeforeAll
    void createCustomersAndGenerate() {
        f = new StrategyFixture(jdbc, "STR");
        cm = f.customerManager("cm", "严客户");

        // 1 预警: the analysis flagged it (MoM index 0.5 against peers' 1.25); the near miss has the same
        // numbers but no warning flag (the warning ratio is the analysis' business, not the table's).
        long f1 = f.quiet("cm", "F1");
        f.analysis(f1, cm, true, "良", "75.00", 20, "0.5000", "1.2500", 10, "2.0000");
        long n1 = f.quiet("cm", "N1");
        f.analysis(n1, cm, false, "良", "75.00", 20, "0.5000", "1.2500", 10, "2.0000");
        // 2 差 against 中 at its lowest score.
        long f2 = f.quiet("cm", "F2");
        f.analysis(f2, cm, false, "差", "40.50", 20, "1.0000", "1.0000", 10, "2.0000");
        long n2 = f.quiet("cm", "N2");
        f.analysis(n2, cm, false, "中", "55.00", 20, "1.0000", "1.0000", 10, "2.0000");
        // 3 needs collected in 2028-03 and confirmed: 2 货源 + 1 价格 open; an answered and an unconfirmed one
        // don't count, nor does a confirmed need of 2028-02.
        long f3 = f.quiet("cm", "F3");
        f.demand(f3, "2028-03", "货源", "CONFIRMED");
        f.demand(f3, "2028-03", "货源", "CONFIRMED");
        f.demand(f3, "2028-03", "价格", "CONFIRMED");
        f.demand(f3, "2028-03", "品牌", "ANSWERED");
        f.demand(f3, "2028-03", "服务", "RECORDED");
        long n3 = f.quiet("cm", "N3");
        f.demand(n3, "2028-03", "品牌", "ANSWERED");
        f.demand(n3, "2028-03", "服务", "RECORDED");
        f.demand(n3, "2028-02", "货源", "CONFIRMED");
        // 4 order weeks: 03-27 and 03-28 are both in the last week, 03-03 is a day before the 4 weeks → 1 week.
        // The near miss orders on the window's last and first day (03-31, 03-04) → 2 weeks.
        long f4 = f.bare("cm", "F4");
        f.order(f4, f.n, LocalDate.of(2028, 3, 27), 5);
        f.order(f4, f.n, LocalDate.of(2028, 3, 28), 5);
        f.order(f4, f.n, LocalDate.of(2028, 3, 3), 5);
        long n4 = f.bare("cm", "N4");
        f.order(n4, f.n, LocalDate.of(2028, 3, 31), 5);
        f.order(n4, f.n, LocalDate.of(2028, 3, 4), 5);
        // 5 opened 2028-01-01: 2 whole months to 2028-03-31; opened 2027-12-31: 3 months.
        long f5 = f.quiet("cm", "F5");
        jdbc.update("update retail_customer set opened_on = ? where id = ?", LocalDate.of(2028, 1, 1), f5);
        long n5 = f.quiet("cm", "N5");
        jdbc.update("update retail_customer set opened_on = ? where id = ?", LocalDate.of(2027, 12, 31), n5);
        // 6 a personalised-service need; a blank one is none.
        long f6 = f.quiet("cm", "F6");
        jdbc.update("update retail_customer set personalised_service = ? where id = ?", "视力残疾，需代为网上订货", f6);
        long n6 = f.quiet("cm", "N6");
        jdbc.update("update retail_customer set personalised_service = ? where id = ?", "   ", n6);
        // 7 target customer of T and N for 2028-04: N ordered on 04-03, T not → 1 unordered target spec.
        // The near miss ordered 1 条 of T on 04-02.
        long f7 = f.quiet("cm", "F7");
        f.target(f7, f.t);
        f.target(f7, f.n);
        f.order(f7, f.n, LocalDate.of(2028, 4, 3), 2);
        long n7 = f.quiet("cm", "N7");
        f.target(n7, f.t);
        f.order(n7, f.t, LocalDate.of(2028, 4, 2), 1);
        // 8 key spec K ordered 2028-02-10; counted 5 on 03-01, then 0 on 03-15 (the latest count).
        // Near misses: counted 0 on 03-15 but 1 on 03-20; counted 0 but last ordered in 2027-12.
        long f8 = f.quiet("cm", "F8");
        f.order(f8, f.k, LocalDate.of(2028, 2, 10), 4);
        f.observe(f8, f.k, LocalDate.of(2028, 3, 1), 5, null);
        f.observe(f8, f.k, LocalDate.of(2028, 3, 15), 0, null);
        long n8 = f.quiet("cm", "N8");
        f.order(n8, f.k, LocalDate.of(2028, 2, 10), 4);
        f.observe(n8, f.k, LocalDate.of(2028, 3, 15), 0, null);
        f.observe(n8, f.k, LocalDate.of(2028, 3, 20), 1, null);
        long n8b = f.quiet("cm", "N8B");
        f.order(n8b, f.k, LocalDate.of(2027, 12, 10), 4);
        f.observe(n8b, f.k, LocalDate.of(2028, 3, 15), 0, null);
        // 9 N seen at 122.00 against the guide 110.00: (122 / 110 − 1) × 100 = 10.909… → 10.91 %; K at 215.00
        // against 220.00: −2.27 %, the smaller deviation. Near miss: N at 130 on 03-05, then 121.00 on 03-25, the
        // latest: exactly +10.00 %; the 80.00 of 02-20 and the 90.00 of 04-02 lie outside the analysed month.
        long f9 = f.quiet("cm", "F9");
        f.observe(f9, f.n, LocalDate.of(2028, 3, 12), null, "122.00");
        f.observe(f9, f.k, LocalDate.of(2028, 3, 12), null, "215.00");
        long n9 = f.quiet("cm", "N9");
        f.observe(n9, f.n, LocalDate.of(2028, 3, 5), null, "130.00");
        f.observe(n9, f.n, LocalDate.of(2028, 3, 25), null, "121.00");
        f.observe(n9, f.n, LocalDate.of(2028, 2, 20), null, "80.00");
        f.observe(n9, f.n, LocalDate.of(2028, 4, 2), null, "90.00");
        // 10 weeks of stock 4.01 (stock 41) against 4.00.
        long f10 = f.quiet("cm", "F10");
        f.analysis(f10, cm, false, "良", "75.00", 20, "1.0000", "1.0000", 41, "4.0100");
        long n10 = f.quiet("cm", "N10");
        f.analysis(n10, cm, false, "良", "75.00", 20, "1.0000", "1.0000", 40, "4.0000");
        // Not analysed in 2028-03 (no row): the analysis inputs are null, no rule of theirs fires.
        long n0 = f.org.customer("cm", "N0", 10, "ACTIVE");
        f.order(n0, f.n, LocalDate.of(2028, 3, 20), 1);
        f.order(n0, f.n, LocalDate.of(2028, 3, 27), 1);
        // Suspended: not one of the customers the plan is for, whatever its analysis says.
        long suspended = f.quiet("cm", "S1");
        f.analysis(suspended, cm, true, "差", "10.00", 0, "0.1000", "1.0000", 10, "9.0000");
        jdbc.update("update retail_customer set status = 'SUSPENDED' where id = ?", suspended);

        cmRedeploy = f.customerManager("cmr", "林客户");
        long b1 = f.quiet("cmr", "B1");
        f.observe(b1, f.n, LocalDate.of(2028, 3, 12), null, "118.00");   // +7.27 %

        // Step 5 keeps the roll-up of these months; the fixture's orders are the only ones in them.
        f.rollUp(rollup);
        first = strategies.generate(cm, StrategyFixture.PLAN);
    }

    private Map<String, List<Strategy>> byLicence(String customerManager) {
        return strategies.strategies(customerManager, StrategyFixture.PLAN).stream()
                .collect(Collectors.groupingBy(s -> s.licenceNo().substring(3)));
    }

    private Strategy only(Map<String, List<Strategy>> rows, String licence) {
        assertThat(rows.get(licence)).as(licence).hasSize(1);
        return rows.get(licence).get(0);
    }

    @Test
    void eachRuleFiresOnItsCustomerWithTheNumbersThatFiredIt() {
        Map<String, List<Strategy>> rows = byLicence(cm);
        assertThat(rows.keySet()).containsExactlyInAnyOrder("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10");

        assertThat(only(rows, "F1")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::specCode, Strategy::reason)
                .containsExactly("经营分析指导", "客户", null, "上月销量 20 条，环比指数 0.5，同业态同市场类型平均 1.25");
        assertThat(only(rows, "F2")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::reason)
                .containsExactly("重点帮扶", "客户", "经营能力得分 40.50，档次 差");
        assertThat(only(rows, "F3")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::reason)
                .containsExactly("需求回复", "客户", "上月已确认未回复的需求 3 条（价格 1 条、货源 2 条）");
        assertThat(only(rows, "F4")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::reason)
                .containsExactly("订货提醒", "客户", "近4周（2028-03-04 至 2028-03-31）有订货的周数 1");
        assertThat(only(rows, "F5")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::reason)
                .containsExactly("新户辅导", "客户", "开业日期 2028-01-01，至 2028-03-31 开业 2 个月");
        assertThat(only(rows, "F6")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::reason)
                .containsExactly("个性化服务", "客户", "个性化服务需求：视力残疾，需代为网上订货");
        assertThat(only(rows, "F7")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::specCode, Strategy::reason)
                .containsExactly("新品推介/上柜", "品牌", f.t, "本月品牌目标规格中尚未订购 1 个：目标烟（STRT）");
        assertThat(only(rows, "F8")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::specCode, Strategy::reason)
                .containsExactly("品牌维护/补货提醒", "品牌", f.k, "近3个月订过的重点品牌规格 重点烟（STRK，2028-03-15 盘点） 盘点库存 0 条");
        assertThat(only(rows, "F9")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::specCode, Strategy::reason)
                .containsExactly("价格规范", "市场", f.n,
                        "普通烟（STRN） 2028-03-12 实际零售价 122.00 元/条，零售指导价 110.00 元/条，偏离 10.91%（上月共观察 2 个规格）");
        assertThat(only(rows, "F10")).extracting(Strategy::strategyType, Strategy::keyPoint, Strategy::reason)
                .containsExactly("库存预警", "市场", "盘点库存 41 条，可销 4.01 周");

        assertThat(rows.values()).allSatisfy(list -> assertThat(list).allSatisfy(s -> {
            assertThat(s.source()).isEqualTo(Strategy.Source.SYSTEM);
            assertThat(s.status()).isEqualTo(Strategy.Status.OPEN);
            assertThat(s.content()).isNotBlank();
        }));
        // 22 active customers (F1-F10, N1-N10, N8B, N0), each evaluated once; the suspended one is not.
        assertThat(first.customers()).isEqualTo(22);
        assertThat(first.strategies()).isEqualTo(10);
        assertThat(first.inserted()).isEqualTo(10);
        assertThat(strategies.plan(cm, StrategyFixture.PLAN).getCustomers()).isEqualTo(22);
    }

    @Test
    void theEngineEvaluatesTheDeployedTableLikeTheGeneration() {
        // The deployed table through the engine's own DecisionService: the near miss of rule 9 (exactly 10 %)
        // and its firing value, every other input quiet.
        Map<String, Object> quiet = new HashMap<>();
        quiet.put("warning", false);
        quiet.put("capabilityLevel", "良");
        quiet.put("openNeeds", 0);
        quiet.put("weeksOrdered", 2);
        quiet.put("monthsOpen", 99);
        quiet.put("unorderedTargetSpecs", 0);
        quiet.put("priceDeviationPct", -10.0);
        assertThat(decisionService.evaluateDecisionTableByKey("service-strategy", quiet).getResultList()).isEmpty();
        quiet.put("priceDeviationPct", -10.01);
        assertThat(decisionService.evaluateDecisionTableByKey("service-strategy", quiet).getResultList())
                .extracting(r -> r.get("strategyType")).containsExactly("价格规范");
    }

    @Test
    void aModifiedTableDeployedFromModelerChangesTheStrategiesWithoutJavaChanges() throws Exception {
        // B1 ordered in 2 of the last 4 weeks and sold N at +7.27 %: nothing fires under the default table.
        assertThat(strategies.generate(cmRedeploy, StrategyFixture.PLAN).strategies()).isZero();

        String table;
        try (InputStream in = new ClassPathResource("processes/service-strategy.dmn").getInputStream()) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String modified = table
                .replace("<inputEntry id=\"Rule_FewOrderWeeks_WeeksOrdered\"><text>&lt; 2</text>",
                        "<inputEntry id=\"Rule_FewOrderWeeks_WeeksOrdered\"><text>&lt; 3</text>")
                .replace("<inputEntry id=\"Rule_PriceDeviation_PriceDeviationPct\"><text>&lt; -10, &gt; 10</text>",
                        "<inputEntry id=\"Rule_PriceDeviation_PriceDeviationPct\"><text>&lt; -5, &gt; 5</text>");
        assertThat(modified).isNotEqualTo(table).contains("&lt; 3</text>", "&lt; -5, &gt; 5</text>");
        Deployment deployment = repositoryService.createDeployment().name("营销中心调整服务策略阈值")
                .addString("service-strategy.dmn", modified).deploy();
        try {
            GenerationResult changed = strategies.generate(cmRedeploy, StrategyFixture.PLAN);
            assertThat(changed.inserted()).isEqualTo(2);
            assertThat(strategies.strategies(cmRedeploy, StrategyFixture.PLAN))
                    .extracting(Strategy::strategyType, Strategy::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("订货提醒", "近4周（2028-03-04 至 2028-03-31）有订货的周数 2"),
                            org.assertj.core.groups.Tuple.tuple("价格规范",
                                    "普通烟（STRN） 2028-03-12 实际零售价 118.00 元/条，零售指导价 110.00 元/条，偏离 7.27%（上月共观察 1 个规格）"));
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        // The default table is the latest again: regenerating removes the two open system strategies.
        GenerationResult back = strategies.generate(cmRedeploy, StrategyFixture.PLAN);
        assertThat(back.removed()).isEqualTo(2);
        assertThat(strategies.strategies(cmRedeploy, StrategyFixture.PLAN)).isEmpty();
    }
}
