package cn.cm135.customer.ledger;

import static cn.cm135.market.analysis.MarketAnalysisFixture.MONTH;
import static cn.cm135.market.analysis.MarketAnalysisFixture.dec;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.analysis.SalesRollup;
import cn.cm135.market.analysis.MarketAnalysisFixture;
import cn.cm135.market.analysis.MarketAnalysisService;

/**
 * 动销台账 and 商定总量 on the {@link MarketAnalysisFixture} data (see its orders and observations),
 * worked out by hand. Every test runs in a transaction that is rolled back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class SalesLedgerTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;
    @Autowired SalesLedgerService ledger;
    @Autowired NegotiatedQuantityService negotiated;
    @Autowired MarketAnalysisService market;

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void ledgerOfJuneMatchesTheHandComputation() {
        MarketAnalysisFixture f = new MarketAnalysisFixture(jdbc, rollup, "LDG");
        String s1 = f.org.code("S1"), s2 = f.org.code("S2"), s3 = f.org.code("S3");

        // C1, both counts for S1 and S2; price = latest observed price ≤ 06-30.
        //   S1: opening 20 (05-10; the 06-05 observation has a price only) + 10 bought − closing 8 (06-20) = 22;
        //       price 370 (06-20) − wholesale 300 = 70 → profit 22 × 70 = 1540.00
        //   S2: 6 (05-10) + 20 − 12 (06-20) = 14; 160 − 120 = 40 → 560.00
        assertThat(ledger.ledger(f.c1, MONTH)).usingRecursiveFieldByFieldElementComparator(
                org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactly(
                        new SalesLedgerRow(s1, "测试一类烟", 20, day("2024-05-10"), 10, dec("3000.00"), 8,
                                day("2024-06-20"), 22, dec("370.00"), true, dec("300.00"), dec("70.00"), dec("1540.00")),
                        new SalesLedgerRow(s2, "测试三类烟甲", 6, day("2024-05-10"), 20, dec("2400.00"), 12,
                                day("2024-06-20"), 14, dec("160.00"), true, dec("120.00"), dec("40.00"), dec("560.00")));

        // C2 was counted only in June (one count): actual sales and profit are "—". (Same connection as C1:
        // before Statements.fresh, H2 showed C1's S2 here, h2database#4228.)
        //   S1 price 390 observed (margin 90); S3 never priced → guide 100 − 80 = 20.
        var c2 = ledger.ledger(f.c2, MONTH);
        assertThat(c2).usingRecursiveFieldByFieldElementComparator(
                org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactly(
                        new SalesLedgerRow(s1, "测试一类烟", null, null, 5, dec("1500.00"), 6, day("2024-06-10"), null,
                                dec("390.00"), true, dec("300.00"), dec("90.00"), null),
                        new SalesLedgerRow(s3, "测试三类烟乙", null, null, 10, dec("800.00"), 3, day("2024-06-10"), null,
                                dec("100.00"), false, dec("80.00"), dec("20.00"), null));
        assertThat(SalesLedgerRow.text(c2.get(0).actualSales())).isEqualTo("—");

        // C5: S3 10 (05-25) + 20 − 8 (06-25) = 22 at the guide price (the 07-02 price is after June):
        //   22 × (100 − 80) = 440.00. S1 has a closing count only → "—".
        var c5 = ledger.ledger(f.c5, MONTH);
        assertThat(c5).extracting(SalesLedgerRow::specCode, SalesLedgerRow::actualSales, SalesLedgerRow::priceObserved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(s1, null, false),
                        org.assertj.core.groups.Tuple.tuple(s3, 22, false));
        assertThat(c5.get(1).profit()).isEqualByComparingTo("440.00");

        // C3 bought nothing in June: its specs with an opening count still show, without actual sales.
        assertThat(ledger.ledger(f.c3, MONTH)).extracting(SalesLedgerRow::specCode, SalesLedgerRow::openingStock,
                SalesLedgerRow::purchases, SalesLedgerRow::closingStock, SalesLedgerRow::actualSales)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(s1, 10, 0, null, null),
                        org.assertj.core.groups.Tuple.tuple(s2, 5, 0, null, null));
    }

    @Test
    void negotiatedQuantityOfJulyMatchesTheHandComputation() {
        MarketAnalysisFixture f = new MarketAnalysisFixture(jdbc, rollup, "NGQ");
        var july = MONTH.plusMonths(1);
        // C1, April–June: S1 0 + 10 + 10 = 20 → mean 6.67; S2 10 + 10 + 20 = 40 → mean 13.33.
        // Area P's seasonal index of July = 30 ÷ (300 ÷ 12) = 1.2000 (computed: June not analysed yet).
        //   S1 20 × 1.2 ÷ 3 = 8; S2 40 × 1.2 ÷ 3 = 16.
        assertThat(negotiated.propose(f.c1, july)).containsExactly(
                new NegotiatedQuantity(f.org.code("S1"), 20, dec("6.67"), dec("1.2000"), false, BigDecimal.ONE, 8),
                new NegotiatedQuantity(f.org.code("S2"), 40, dec("13.33"), dec("1.2000"), false, BigDecimal.ONE, 16));
        // Business-circle factor 1.1: 8.8 → 9, 17.6 → 18 (half-up, once).
        assertThat(negotiated.propose(f.c1, july, dec("1.1"))).extracting(NegotiatedQuantity::quantity)
                .containsExactly(9, 18);

        // After step 8 the stored index is used (here changed to 1.5 to show its source): 10, 20.
        market.analyse(MONTH);
        assertThat(negotiated.propose(f.c1, july)).extracting(NegotiatedQuantity::seasonalIndex,
                NegotiatedQuantity::seasonalFromAnalysis).containsOnly(
                        org.assertj.core.groups.Tuple.tuple(dec("1.2000"), true));
        jdbc.update("update market_month_result set seasonal_index_next = 1.5 where period = '2024-06' and area_code = ?",
                f.areaP);
        assertThat(negotiated.propose(f.c1, july)).extracting(NegotiatedQuantity::quantity).containsExactly(10, 20);

        // Q1 (area Q sold nothing in July last year): seasonal index 0.0000 → 10 × 0 ÷ 3 = 0.
        assertThat(negotiated.propose(f.q1, july)).extracting(NegotiatedQuantity::seasonalIndex,
                NegotiatedQuantity::quantity).containsExactly(org.assertj.core.groups.Tuple.tuple(dec("0.0000"), 0));
    }
}
