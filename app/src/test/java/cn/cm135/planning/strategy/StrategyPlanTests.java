package cn.cm135.planning.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.rules.Refusal;

/**
 * Regenerating a month (计划新增 again) and the plan's life cycle: draft → submitted → approved | rejected →
 * locked, with every edit path refused once the plan is submitted or approved.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrategyPlanTests {

    private static final YearMonth PLAN = StrategyFixture.PLAN;

    @Autowired JdbcTemplate jdbc;
    @Autowired StrategyService strategies;
    @Autowired SalesRollup rollup;

    StrategyFixture f;
    String cmRegen, cmLife, cmNorth, cmSouth;
    long r1, r2, l1, n1, s1;

    @BeforeAll
    void createCustomers() {
        f = new StrategyFixture(jdbc, "STP");
        cmRegen = f.customerManager("cmg", "温客户");
        // R1: warned and 差 → 经营分析指导 + 重点帮扶. R2: N at 99.00 against 110.00 (−10.00 % is no deviation
        // beyond 10 %) and 98.00 the day after, the latest: −10.91 % → 价格规范.
        r1 = f.quiet("cmg", "R1");
        f.analysis(r1, cmRegen, true, "差", "30.00", 12, "0.4000", "1.1000", 10, "2.0000");
        r2 = f.quiet("cmg", "R2");
        f.observe(r2, f.n, LocalDate.of(2028, 3, 10), null, "99.00");
        f.observe(r2, f.n, LocalDate.of(2028, 3, 11), null, "98.00");

        cmLife = f.customerManager("cml", "姚客户");
        l1 = f.quiet("cml", "L1");
        f.analysis(l1, cmLife, true, "良", "75.00", 12, "0.4000", "1.1000", 10, "2.0000");

        // A team generated at once: N1 warned and 差 (经营分析指导 + 重点帮扶), S1 warned and 良 (经营分析指导).
        cmNorth = f.customerManager("cmn", "北客户");
        n1 = f.quiet("cmn", "N1");
        f.analysis(n1, cmNorth, true, "差", "30.00", 12, "0.4000", "1.1000", 10, "2.0000");
        cmSouth = f.customerManager("cms", "南客户");
        s1 = f.quiet("cms", "S1");
        f.analysis(s1, cmSouth, true, "良", "75.00", 12, "0.4000", "1.1000", 10, "2.0000");
        f.rollUp(rollup);
    }

    @Test
    void aTeamGeneratedAtOnceGetsWhatEachPlanAloneWouldAndOneSubmittedPlanRefusesTheRun() {
        Map<String, GenerationResult> first = strategies.generate(List.of(cmNorth, cmSouth), PLAN, null);
        assertThat(first.get(cmNorth)).extracting(GenerationResult::customers, GenerationResult::strategies,
                GenerationResult::inserted).containsExactly(1, 2, 2);
        assertThat(first.get(cmSouth)).extracting(GenerationResult::customers, GenerationResult::strategies,
                GenerationResult::inserted).containsExactly(1, 1, 1);
        assertThat(strategies.strategies(cmNorth, PLAN)).extracting(Strategy::customerId, Strategy::strategyType)
                .containsExactlyInAnyOrder(tuple(n1, "经营分析指导"), tuple(n1, "重点帮扶"));
        assertThat(strategies.strategies(cmSouth, PLAN)).extracting(Strategy::customerId, Strategy::strategyType)
                .containsExactly(tuple(s1, "经营分析指导"));

        Strategy dropped = strategies.drop(cmNorth, PLAN, find(cmNorth, "N1", "重点帮扶").id(), "本月已上门帮扶");
        Map<String, GenerationResult> again = strategies.generate(List.of(cmSouth, cmNorth), PLAN, null);
        assertThat(again.get(cmNorth)).extracting(GenerationResult::inserted, GenerationResult::refreshed,
                GenerationResult::removed, GenerationResult::untouched).containsExactly(0, 1, 0, 1);
        assertThat(again.get(cmSouth)).extracting(GenerationResult::inserted, GenerationResult::refreshed)
                .containsExactly(0, 1);
        assertThat(strategies.strategies(cmNorth, PLAN)).filteredOn(s -> s.id() == dropped.id())
                .extracting(Strategy::status).containsExactly(Strategy.Status.DROPPED);

        strategies.submit(cmSouth, PLAN);
        int rowsBefore = jdbc.queryForObject("select count(*) from service_strategy where period = ?", Integer.class,
                PLAN.toString());
        assertThatThrownBy(() -> strategies.generate(List.of(cmNorth, cmSouth), PLAN, null))
                .isInstanceOf(Refusal.class).hasMessageContaining(cmSouth);
        assertThat(jdbc.queryForObject("select count(*) from service_strategy where period = ?", Integer.class,
                PLAN.toString())).isEqualTo(rowsBefore);
        assertThat(strategies.plan(cmNorth, PLAN).getStatus()).isEqualTo(ApprovalStatus.DRAFT);
    }

    @Test
    void regeneratingNeverDuplicatesAndNeverOverwritesTheCustomerManagersChanges() {
        GenerationResult first = strategies.generate(cmRegen, PLAN);
        assertThat(first).extracting(GenerationResult::customers, GenerationResult::strategies, GenerationResult::inserted)
                .containsExactly(2, 3, 3);
        Strategy poor = find(cmRegen, "R1", "重点帮扶");
        strategies.drop(cmRegen, PLAN, poor.id(), "客户已转让，下月注销");
        Strategy manual = strategies.addManual(cmRegen, PLAN, new ManualStrategy(f.org.code("R2"), "经营分析指导",
                "一起看动销台账，调整高价烟进货", null, null));
        assertThat(manual.keyPoint()).isEqualTo("客户");   // from the table's rule for 经营分析指导
        Strategy own = strategies.addManual(cmRegen, PLAN, new ManualStrategy(f.org.code("R1"), "陈列指导",
                "帮客户把重点烟放到柜台正面", f.k, "品牌"));

        // Same data, generated again: nothing new, the two open system rows refreshed, the drop kept.
        GenerationResult second = strategies.generate(cmRegen, PLAN);
        assertThat(second).extracting(GenerationResult::strategies, GenerationResult::inserted,
                GenerationResult::refreshed, GenerationResult::removed, GenerationResult::untouched)
                .containsExactly(3, 0, 2, 0, 1);
        assertThat(strategies.strategies(cmRegen, PLAN))
                .extracting(s -> s.licenceNo().substring(3), Strategy::strategyType, Strategy::source, Strategy::status,
                        Strategy::dropReason)
                .containsExactlyInAnyOrder(
                        tuple("R1", "经营分析指导", Strategy.Source.SYSTEM, Strategy.Status.OPEN, null),
                        tuple("R1", "重点帮扶", Strategy.Source.SYSTEM, Strategy.Status.DROPPED, "客户已转让，下月注销"),
                        tuple("R1", "陈列指导", Strategy.Source.MANUAL, Strategy.Status.OPEN, null),
                        tuple("R2", "价格规范", Strategy.Source.SYSTEM, Strategy.Status.OPEN, null),
                        tuple("R2", "经营分析指导", Strategy.Source.MANUAL, Strategy.Status.OPEN, null));

        // The data changes: R2 now at the guide price and warned. 价格规范 no longer fires and goes; the
        // table's 经营分析指导 for R2 meets the manual one and leaves it as the customer manager wrote it.
        f.observe(r2, f.n, LocalDate.of(2028, 3, 28), null, "110.00");
        f.rollUp(rollup);
        f.analysis(r2, cmRegen, true, "良", "75.00", 20, "0.5000", "1.2500", 10, "2.0000");
        GenerationResult third = strategies.generate(cmRegen, PLAN);
        assertThat(third).extracting(GenerationResult::strategies, GenerationResult::inserted,
                GenerationResult::refreshed, GenerationResult::removed, GenerationResult::untouched)
                .containsExactly(3, 0, 1, 1, 2);
        Strategy kept = find(cmRegen, "R2", "经营分析指导");
        assertThat(kept).extracting(Strategy::id, Strategy::source, Strategy::content, Strategy::reason)
                .containsExactly(manual.id(), Strategy.Source.MANUAL, "一起看动销台账，调整高价烟进货", null);
        assertThat(find(cmRegen, "R1", "陈列指导")).extracting(Strategy::id, Strategy::specCode, Strategy::keyPoint)
                .containsExactly(own.id(), f.k, "品牌");
        assertThat(strategies.strategies(cmRegen, PLAN)).hasSize(4)
                .noneMatch(s -> s.strategyType().equals("价格规范"));
        Integer rows = jdbc.queryForObject("select count(*) from service_strategy where period = ? and customer_manager_id = ?",
                Integer.class, PLAN.toString(), cmRegen);
        assertThat(rows).isEqualTo(4);
    }

    @Test
    void badManualInputIsRefusedNamingTheFieldAndChangesNothing() {
        strategies.generate(cmLife, PLAN.plusMonths(1));   // a month of its own: 2028-05
        YearMonth may = PLAN.plusMonths(1);
        int before = strategies.strategies(cmLife, may).size();
        assertRefused(() -> strategies.addManual(cmLife, may, new ManualStrategy(" ", "订货提醒", "提醒订货", null, null)),
                "licenceNo", "许可证号必须填写");
        assertRefused(() -> strategies.addManual(cmLife, may, new ManualStrategy("NOPE-1", "订货提醒", "提醒订货", null, null)),
                "licenceNo", "没有许可证号为 NOPE-1 的零售户");
        assertRefused(() -> strategies.addManual(cmLife, may, new ManualStrategy(f.org.code("R1"), "订货提醒", "提醒订货", null, null)),
                "licenceNo", "不是你在营的零售户");
        assertRefused(() -> strategies.addManual(cmLife, may, new ManualStrategy(f.org.code("L1"), "订货提醒", "", null, null)),
                "content", "策略内容必须填写");
        assertRefused(() -> strategies.addManual(cmLife, may, new ManualStrategy(f.org.code("L1"), "订货提醒", "提醒订货", "NOSPEC", null)),
                "specCode", "没有规格代码为 NOSPEC 的卷烟规格");
        assertRefused(() -> strategies.addManual(cmLife, may, new ManualStrategy(f.org.code("L1"), "上门收款", "帮忙存款", null, null)),
                "keyPoint", "“上门收款”不是规则表中的策略类型");
        assertRefused(() -> strategies.addManual(cmLife, may, new ManualStrategy(f.org.code("L1"), "上门收款", "帮忙存款", null, "服务")),
                "keyPoint", "要点应为 客户、品牌 或 市场");
        // L1 ordered nothing in the 4 weeks before 2028-04-30: the table already gave 订货提醒 for it.
        assertRefused(() -> strategies.addManual(cmLife, may, new ManualStrategy(f.org.code("L1"), "订货提醒", "再提醒", null, null)),
                "strategyType", "本月已有“订货提醒”策略");
        assertRefused(() -> strategies.drop(cmLife, may, strategies.strategies(cmLife, may).get(0).id(), " "),
                "dropReason", "删除策略时必须填写删除原因");
        assertThat(strategies.strategies(cmLife, may)).hasSize(before)
                .allMatch(s -> s.status() == Strategy.Status.OPEN);
    }

    @Test
    void planGoesFromDraftThroughRejectionToLockedAndRefusesEveryEditOnceSubmittedOrApproved() {
        YearMonth june = PLAN.plusMonths(2);
        assertRefused(() -> strategies.submit(cmLife, june), null, "还没有 2028-06 月的服务策略计划");
        strategies.generate(cmLife, june);
        // Analysed month 2028-05: L1 has no analysis row and no order in the last 4 weeks → only 订货提醒.
        Strategy warned = strategies.strategies(cmLife, june).get(0);
        assertThat(strategies.strategies(cmLife, june)).extracting(Strategy::strategyType).containsExactly("订货提醒");
        assertThat(strategies.plan(cmLife, june).getStatus()).isEqualTo(ApprovalStatus.DRAFT);
        assertRefused(() -> strategies.approve(cmLife, june, f.marketManager), null, "草稿，不能审核");

        strategies.submit(cmLife, june);
        assertThat(strategies.plan(cmLife, june).approval().submittedAt()).isNotNull();
        assertLocked(() -> strategies.drop(cmLife, june, warned.id(), "不需要"), "已提交，正等待市场经理审核");
        assertLocked(() -> strategies.generate(cmLife, june), "已提交");
        assertLocked(() -> strategies.addManual(cmLife, june,
                new ManualStrategy(f.org.code("L1"), "订货提醒", "提醒订货", null, null)), "已提交");
        assertLocked(() -> strategies.submit(cmLife, june), "已提交");
        assertRefused(() -> strategies.reject(cmLife, june, f.marketManager, "  "), "strategiesRejectionReason",
                "驳回时必须填写驳回原因");

        strategies.reject(cmLife, june, f.marketManager, "请补充新品推介");
        StrategyPlan rejected = strategies.plan(cmLife, june);
        assertThat(rejected).extracting(StrategyPlan::getStatus, p -> p.approval().rejectionReason(), p -> p.approval().decidedBy())
                .containsExactly(ApprovalStatus.REJECTED, "请补充新品推介", f.marketManager);
        // Back with the customer manager: adjustments allowed again, and kept.
        strategies.addManual(cmLife, june, new ManualStrategy(f.org.code("L1"), "新品推介/上柜", "推介目标烟", f.t, null));
        strategies.drop(cmLife, june, warned.id(), "客户已改为网上按时订货");
        strategies.submit(cmLife, june);
        strategies.approve(cmLife, june, f.marketManager);
        assertThat(strategies.plan(cmLife, june).approval().rejectionReason()).isNull();

        assertLocked(() -> strategies.restore(cmLife, june, warned.id()), "已审核，不能再修改");
        assertLocked(() -> strategies.generate(cmLife, june), "已审核");
        assertLocked(() -> strategies.reject(cmLife, june, f.marketManager, "再改改"), "已审核，不能驳回");
        assertRefused(() -> strategies.markDone(cmLife, june, warned.id(), LocalDate.of(2028, 6, 8)), "status", "已删除");
        strategies.lockPlan(cmLife, june);
        strategies.lockPlan(cmLife, june);   // locking twice is harmless
        assertThat(strategies.plan(cmLife, june).getStatus()).isEqualTo(ApprovalStatus.LOCKED);
        assertLocked(() -> strategies.addManual(cmLife, june,
                new ManualStrategy(f.org.code("L1"), "订货提醒", "提醒订货", null, null)), "已锁定，不能再修改");

        // ★ Carrying a strategy out on a visit is what an approved plan is for.
        Strategy promote = find(cmLife, june, "L1", "新品推介/上柜");
        assertThat(promote.keyPoint()).isEqualTo("品牌");
        Strategy done = strategies.markDone(cmLife, june, promote.id(), LocalDate.of(2028, 6, 8));
        assertThat(done).extracting(Strategy::status, Strategy::doneOn)
                .containsExactly(Strategy.Status.DONE, LocalDate.of(2028, 6, 8));
        assertThat(strategies.strategies(cmLife, june)).extracting(Strategy::strategyType, Strategy::status)
                .containsExactlyInAnyOrder(tuple("订货提醒", Strategy.Status.DROPPED),
                        tuple("新品推介/上柜", Strategy.Status.DONE));
    }

    @Test
    void doneNeedsAnApprovedPlanAndAStrategyOfThatPlan() {
        YearMonth july = PLAN.plusMonths(3);
        strategies.generate(cmLife, july);
        long id = strategies.strategies(cmLife, july).get(0).id();
        assertLocked(() -> strategies.markDone(cmLife, july, id, LocalDate.of(2028, 7, 3)), "尚未审核通过");
        assertThatThrownBy(() -> strategies.drop(cmRegen, july, id, "别人的"))
                .isInstanceOf(Refusal.class).hasMessageContaining("还没有 2028-07 月的服务策略计划");
        strategies.generate(cmRegen, july);
        assertThatThrownBy(() -> strategies.drop(cmRegen, july, id, "别人的"))
                .isInstanceOf(StrategyException.class).hasMessageContaining("没有编号为 " + id + " 的策略")
                .extracting(e -> ((Refusal) e).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    private Strategy find(String cm, String licence, String type) {
        return find(cm, PLAN, licence, type);
    }

    private Strategy find(String cm, YearMonth month, String licence, String type) {
        List<Strategy> found = strategies.strategies(cm, month).stream()
                .filter(s -> s.licenceNo().equals(f.org.code(licence)) && s.strategyType().equals(type)).toList();
        assertThat(found).as(licence + " " + type).hasSize(1);
        return found.get(0);
    }

    private static void assertRefused(Runnable call, String field, String message) {
        assertThatThrownBy(call::run).isInstanceOf(Refusal.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo(field));
    }

    private static void assertLocked(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(Refusal.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.LOCKED));
    }
}
