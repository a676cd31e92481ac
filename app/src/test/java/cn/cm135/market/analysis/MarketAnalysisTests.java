package cn.cm135.market.analysis;

import static cn.cm135.market.analysis.MarketAnalysisFixture.MONTH;
import static cn.cm135.market.analysis.MarketAnalysisFixture.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.analysis.SalesRollup;

/**
 * The hand-computed {@link MarketAnalysisFixture} on the shared H2 context. The fixture's areas are
 * its own, so every per-area number is exact; the marketing centre is company-wide (other test
 * classes' orders), so its index is read back from the roll-up here and the warning checked against
 * the rule. {@link MarketAnalysisPostgresTests} checks the exact centre index and warnings. Every test
 * runs in a transaction that is rolled back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class MarketAnalysisTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;
    @Autowired MarketAnalysisService analysis;
    @Autowired MarketIndicatorProperties indicators;

    /** GI_MoM of the whole centre from the roll-up, 4 decimals; null when May sold nothing. */
    private BigDecimal centreIndex() {
        Long june = jdbc.queryForObject("select coalesce(sum(quantity), 0) from sales_month where month_start = ?",
                Long.class, LocalDate.of(2024, 6, 1));
        Long may = jdbc.queryForObject("select coalesce(sum(quantity), 0) from sales_month where month_start = ?",
                Long.class, LocalDate.of(2024, 5, 1));
        return may == 0 ? null : BigDecimal.valueOf(june).divide(BigDecimal.valueOf(may), 4, RoundingMode.HALF_UP);
    }

    @Test
    void everyStoredNumberMatchesTheHandComputation() {
        MarketAnalysisFixture fixture = new MarketAnalysisFixture(jdbc, rollup, "MKH");
        analysis.analyse(MONTH);
        BigDecimal centre = centreIndex();
        // R's index 0.4000: warned exactly when 0.4 < warning-ratio × centre index.
        boolean warnR = centre != null && dec("0.4").compareTo(indicators.warningRatio().multiply(centre)) < 0;
        fixture.assertAll(analysis, centre, warnR);
        assertThat(indicators.priceDeviation()).isEqualByComparingTo("0.10");
    }

    @Test
    void analysingTwiceGivesTheSameRowsWithoutDuplicates() {
        MarketAnalysisFixture fixture = new MarketAnalysisFixture(jdbc, rollup, "MKI");
        var first = analysis.analyse(MONTH);
        List<MarketMonthResult> before = analysis.rows(MONTH, fixture.cmP);
        var second = analysis.analyse(MONTH);
        assertThat(second.analysed()).isEqualTo(first.analysed());
        assertThat(jdbc.queryForObject("select count(*) from market_month_result where period = '2024-06'",
                Integer.class)).isEqualTo(first.analysed() + first.locked());
        assertThat(jdbc.queryForObject("select count(*) from area", Integer.class))
                .isEqualTo(first.analysed() + first.locked());
        assertThat(jdbc.queryForObject("select count(*) from market_price_class_share where period = '2024-06' "
                + "and area_code = ?", Integer.class, fixture.areaP)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from market_spec_price where period = '2024-06' "
                + "and area_code = ?", Integer.class, fixture.areaP)).isEqualTo(2);
        assertThat(analysis.rows(MONTH, fixture.cmP)).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "analysedAt").containsExactlyElementsOf(before);
        BigDecimal centre = centreIndex();
        boolean warnR = centre != null && dec("0.4").compareTo(indicators.warningRatio().multiply(centre)) < 0;
        fixture.assertAll(analysis, centre, warnR);
    }

    @Test
    void lockedAreaKeepsNumbersAndConclusionsWhileOthersChange() {
        MarketAnalysisFixture fixture = new MarketAnalysisFixture(jdbc, rollup, "MKL");
        analysis.analyse(MONTH);
        analysis.conclude(MONTH, fixture.areaP, "价格总体偏高，三类烟甲价格偏离超10%，需价格规范。");
        analysis.lock(MONTH, fixture.areaP);
        assertThat(analysis.isLocked(MONTH, fixture.areaP)).isTrue();
        assertThat(analysis.isLocked(MONTH, fixture.areaQ)).isFalse();
        MarketMonthResult lockedP = analysis.row(MONTH, fixture.areaP).orElseThrow();
        MarketAnalysisMonthDetail detailP = MarketAnalysisMonthDetail.of(analysis, fixture.areaP);

        // Late June data for P (locked) and Q (not locked): orders, a price, a count, an anomaly.
        fixture.order(fixture.c3, "S1", "2024-06-28", 50);
        fixture.observe(fixture.c3, "S3", "2024-06-28", 40, "130");
        fixture.order(fixture.q1, "S3", "2024-06-28", 5);
        fixture.observe(fixture.q1, "S3", "2024-06-29", 12, "110");
        rollup.refresh(MONTH);   // as the orders import does for the months it writes
        var run = analysis.analyse(MONTH);

        assertThat(run.locked()).isEqualTo(1);
        assertThat(analysis.row(MONTH, fixture.areaP).orElseThrow()).usingRecursiveComparison()
                .isEqualTo(lockedP);
        assertThat(lockedP.conclusions()).isEqualTo("价格总体偏高，三类烟甲价格偏离超10%，需价格规范。");
        assertThat(MarketAnalysisMonthDetail.of(analysis, fixture.areaP)).isEqualTo(detailP);

        // Q: 15 条; S3 priced 110 by Q1 against guide 100 (w = 15): PI 110 ÷ 100 = 1.1000; margin
        // (110 − 80) × 15 ÷ (110 × 15) = 0.2727; social inventory 12 × 1 active = 12.00; 存销比 0.8000;
        // 可销天数 12 ÷ (15 ÷ 30) = 24.00.
        MarketMonthResult q = analysis.row(MONTH, fixture.areaQ).orElseThrow();
        assertThat(q.volume()).isEqualTo(15);
        assertThat(q.priceIndex()).isEqualTo(dec("1.1000"));
        assertThat(q.retailMarginRate()).isEqualTo(dec("0.2727"));
        assertThat(q.socialInventory()).isEqualTo(dec("12.00"));
        assertThat(q.stockSalesRatio()).isEqualTo(dec("0.8000"));
        assertThat(q.daysOfStock()).isEqualTo(dec("24.00"));

        assertThatThrownBy(() -> analysis.conclude(MONTH, fixture.areaP, "改写"))
                .isInstanceOf(MarketAnalysisLockedException.class).hasMessageContaining("已确定，不能修改");
        assertThat(analysis.row(MONTH, fixture.areaP).orElseThrow().conclusions())
                .isEqualTo(lockedP.conclusions());
        analysis.lock(MONTH, fixture.areaP);   // confirming again changes nothing
        assertThatThrownBy(() -> analysis.lock(MONTH.plusMonths(5), fixture.areaP))
                .isInstanceOf(cn.cm135.rules.Refusal.class).hasMessageContaining("尚未生成");
    }

    /**
     * Two months analysed on one connection (this test's transaction): H2 2.3.232 reuses a cached
     * statement's WITH-clause parameters (h2database#4228), which would give May the numbers of June.
     */
    @Test
    void analysingAnotherMonthOnTheSameConnectionUsesItsOwnParameters() {
        MarketAnalysisFixture fixture = new MarketAnalysisFixture(jdbc, rollup, "MKM");
        analysis.analyse(MONTH);
        analysis.analyse(MONTH.minusMonths(1));
        // May in area P: 80 条, 10600 元 → 132.50; April 10 条 of S2 (1200 元) → 120.00, index 1.1042;
        // volume index 80 ÷ 10 = 8.0000; only May observation with a price is C4 S2 999 → p̄ 999.
        MarketMonthResult may = analysis.row(MONTH.minusMonths(1), fixture.areaP).orElseThrow();
        assertThat(may.volume()).isEqualTo(80);
        assertThat(may.unitValue()).isEqualTo(dec("132.50"));
        assertThat(may.unitValueIndex()).isEqualTo(dec("1.1042"));
        assertThat(may.volumeIndex()).isEqualTo(dec("8.0000"));
        assertThat(analysis.detail(MONTH.minusMonths(1), fixture.areaP).specPrices())
                .extracting(MarketMonthResult.SpecPrice::meanPrice).containsExactly(dec("999.00"));
        // And June again, unchanged.
        analysis.analyse(MONTH);
        BigDecimal centre = centreIndex();
        boolean warnR = centre != null && dec("0.4").compareTo(indicators.warningRatio().multiply(centre)) < 0;
        fixture.assertAll(analysis, centre, warnR);
    }

    /** An area's detail rows, comparable as a whole. */
    record MarketAnalysisMonthDetail(MarketMonthResult.Detail detail) {
        static MarketAnalysisMonthDetail of(MarketAnalysisService analysis, String area) {
            return new MarketAnalysisMonthDetail(analysis.detail(MONTH, area));
        }
    }
}
