package cn.cm135.market.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;
import cn.cm135.customer.analysis.SalesRollup;

/**
 * Areas whose market analysis of 2039-06 sits exactly on a threshold, worked out by hand (defaults:
 * warning-ratio 0.8, price-deviation 0.10). Its customers are the only ones that order in 2039-05/06, so
 * they are the marketing centre on the shared H2 as on PostgreSQL. Issue 16: thresholds compared exactly.
 *
 * <pre>
 * Specs S1, S2: wholesale 100, guide 110. Areas P1, P2, P3 (one customer manager each).
 * Volumes (S1), May → June: P1 K1 9 → 3 (index 1/3); P2 K2 23 → 19 (0.8261); P3 K3 100 → 33 (0.33).
 * Centre: May 9 + 23 + 100 = 132, June 3 + 19 + 33 = 55 → index 55/132 = 5/12 = 0.4167; 0.8 × 5/12 = 1/3.
 *   P1: 1/3 against 1/3, a tie → not warned (the rule is "&lt; 0.8");  P3: 0.33 &lt; 1/3 → warned;  P2 → no.
 * Prices in June (each customer's latest):
 *   P1 S1: K1 120, L1 122 → p̄ 121, 121 ÷ 110 − 1 = 0.1000 exactly → not flagged (the rule is "&gt; 0.10")
 *   P1 S2: K1 99 → 99 ÷ 110 − 1 = −0.1000 exactly → not flagged
 *   P2 S1: K2 121.01 → 0.10009… → 0.1001, flagged
 * </pre>
 */
final class MarketThresholdFixture {

    static final YearMonth MONTH = YearMonth.of(2039, 6);

    final TestOrganization org;
    final JdbcTemplate jdbc;
    final String areaP1, areaP2, areaP3;

    MarketThresholdFixture(JdbcTemplate jdbc, SalesRollup rollup, String prefix) {
        this.jdbc = jdbc;
        org = new TestOrganization(jdbc, prefix);
        org.department("D", "mm", "钱平局");
        org.customerManager("D", "p1", "孙平局");
        org.customerManager("D", "p2", "周平局");
        org.customerManager("D", "p3", "吴平局");
        areaP1 = org.code("A-p1");
        areaP2 = org.code("A-p2");
        areaP3 = org.code("A-p3");
        org.spec("S1", "平局烟甲", "100", false);
        org.spec("S2", "平局烟乙", "100", false);
        long k1 = customer("p1", "K1", 9, 3);
        long l1 = customer("p1", "L1", 0, 0);
        long k2 = customer("p2", "K2", 23, 19);
        customer("p3", "K3", 100, 33);
        price(k1, "S1", "120");
        price(l1, "S1", "122");
        price(k1, "S2", "99");
        price(k2, "S1", "121.01");
        Stream.iterate(MONTH.minusMonths(MarketAnalysisSql.MONTHS), m -> !m.isAfter(MONTH), m -> m.plusMonths(1))
                .forEach(rollup::refresh);
    }

    private long customer(String cm, String licence, int may, int june) {
        jdbc.update("insert into retail_customer (licence_no, name, route_code, business_format, market_type, status, "
                + "opened_on) values (?, ?, ?, '食杂店', '城网', 'ACTIVE', ?)", org.code(licence), "零售户" + licence,
                org.code("R-" + cm), LocalDate.of(2020, 1, 1));
        long id = jdbc.queryForObject("select id from retail_customer where licence_no = ?", Long.class, org.code(licence));
        if (may > 0) {
            org.order(id, "S1", LocalDate.of(2039, 5, 10), may, "100");
        }
        if (june > 0) {
            org.order(id, "S1", LocalDate.of(2039, 6, 10), june, "100");
        }
        return id;
    }

    private void price(long customer, String spec, String price) {
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, retail_price) values (?, ?, ?, ?)",
                customer, org.code(spec), LocalDate.of(2039, 6, 20), new BigDecimal(price));
    }

    void assertTies(MarketAnalysisService analysis) {
        MarketMonthResult p1 = analysis.row(MONTH, areaP1).orElseThrow();
        assertThat(List.of(p1.volumeIndex(), p1.centreVolumeIndex())).containsExactly(dec("0.3333"), dec("0.4167"));
        assertThat(p1.warning()).as("3/9 against 0.8 × 5/12: a tie is not below").isFalse();
        assertThat(analysis.row(MONTH, areaP3).orElseThrow().warning()).as("0.33 < 1/3").isTrue();
        assertThat(analysis.row(MONTH, areaP2).orElseThrow().warning()).isFalse();

        assertThat(analysis.detail(MONTH, areaP1).specPrices())
                .extracting(MarketMonthResult.SpecPrice::specCode, MarketMonthResult.SpecPrice::deviation,
                        MarketMonthResult.SpecPrice::flagged)
                .containsExactly(tuple(org.code("S1"), dec("0.1000"), false), tuple(org.code("S2"), dec("-0.1000"), false));
        assertThat(analysis.detail(MONTH, areaP2).specPrices())
                .extracting(MarketMonthResult.SpecPrice::deviation, MarketMonthResult.SpecPrice::flagged)
                .containsExactly(tuple(dec("0.1001"), true));
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
