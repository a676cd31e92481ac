package cn.cm135.customer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import cn.cm135.TestOrganization;

/**
 * Customers whose numbers sit exactly on a threshold of the customer analysis of 2039-03, worked out by hand;
 * each peer group (业态) is the fixture's own. Issue 16: every threshold is compared on exact values.
 *
 * <pre>
 * m = 2039-03, m-1 = 2039-02, m-12 = 2038-03 (in the same 3 months last year). One spec S1, 100 元/条.
 * Warning (own MoM index &lt; 0.8 × the peer mean; the peer mean includes the customer itself):
 *   平局甲  T1 Feb 9, Mar 3 → 3/9;  T2 Feb 2, Mar 1 → 1/2;  peer mean (1/3 + 1/2) / 2 = 5/12
 *          T1: 3/9 against 0.8 × 5/12 = 1/3, a tie → not warned (mom 0.3333, peer 0.4167)
 *          T2: 1/2 > 1/3 → not warned
 *   平局乙  U1 Feb 9, Mar 3 → 3/9;  U2 Feb 1000, Mar 501 → 0.501;  peer mean (1/3 + 0.501) / 2 = 0.41716…
 *          U1: 1/3 &lt; 0.8 × 0.41716… = 0.33373… → warned (the rule still fires 4 ten-thousandths off the tie)
 * Stock bands (weeks = stock × 13 ÷ the counted spec's 3-month volume; 1 in [1, 3], 0.5 in [0.5, 1) or (3, 5]):
 *   平局丙  W1 Mar 13, count 1 → 1 week → 1;  W2 Mar 13, count 3 → 3 weeks → 1;
 *          W3 Mar 26, count 1 → 0.5 week → 0.5;  W4 Mar 13, count 5 → 5 weeks → 0.5
 * Growth item (clamp((V3 ÷ LY3 − 0.8) ÷ 0.4, 0, 1)):
 *   平局丙  G1 Mar 8, 2038-03 10 → 0.8 → 0;  G2 Mar 12, 2038-03 10 → 1.2 → 1
 * Capability level on the score rounded once (a rule with weights volume 30, breadth 60, growth 10 and
 * levels 优 ≥ 12.01, 良 ≥ 12.00, 中 ≥ 1; see {@link #levelRule()}):
 *   平局丁  L0 Mar 1, L1 Mar 4001 (2038-03 5000), L2 Mar 5000, L3 Mar 6000: L1's volume rank (2 − 1) ÷ 3 = 1/3
 *          L1 = 30 × 1/3 + 60 × 1/30 + 10 × (4001/5000 − 0.8) ÷ 0.4 = 10 + 2 + 0.005 = 12.005 → 12.01 → 优
 *          (PERCENT_RANK's double 1/3 made it 9.99999999999 + 2.005 = 12.00499… → 12.00 → 良)
 * </pre>
 */
final class CustomerThresholdFixture {

    static final YearMonth MONTH = YearMonth.of(2039, 3);

    final TestOrganization org;
    final JdbcTemplate jdbc;
    final long t1, t2, u1, w1, w2, w3, w4, g1, g2, l1;

    CustomerThresholdFixture(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        org = new TestOrganization(jdbc, prefix);
        org.department("D1", "mm1", "王平局");
        org.customerManager("D1", "cm1", "李平局");
        org.spec("S1", "平局烟", "100", false);

        t1 = customer("T1", "平局甲", 9, 3);
        t2 = customer("T2", "平局甲", 2, 1);
        u1 = customer("U1", "平局乙", 9, 3);
        customer("U2", "平局乙", 1000, 501);

        w1 = customer("W1", "平局丙", 0, 13);
        count(w1, 1);
        w2 = customer("W2", "平局丙", 0, 13);
        count(w2, 3);
        w3 = customer("W3", "平局丙", 0, 26);
        count(w3, 1);
        w4 = customer("W4", "平局丙", 0, 13);
        count(w4, 5);

        g1 = customer("G1", "平局丙", 0, 8);
        lastYear(g1, 10);
        g2 = customer("G2", "平局丙", 0, 12);
        lastYear(g2, 10);

        customer("L0", "平局丁", 0, 1);
        l1 = customer("L1", "平局丁", 0, 4001);
        lastYear(l1, 5000);
        customer("L2", "平局丁", 0, 5000);
        customer("L3", "平局丁", 0, 6000);
    }

    /** A customer of the group ordering {@code february} and {@code march} 条 of S1. */
    private long customer(String licence, String businessFormat, int february, int march) {
        jdbc.update("insert into retail_customer (licence_no, name, route_code, business_format, market_type, grade, "
                + "status, opened_on) values (?, ?, ?, ?, '农网', 5, 'ACTIVE', ?)", org.code(licence),
                "零售户" + licence, org.code("R-cm1"), businessFormat, LocalDate.of(2038, 1, 1));
        long id = jdbc.queryForObject("select id from retail_customer where licence_no = ?", Long.class,
                org.code(licence));
        if (february > 0) {
            org.order(id, "S1", LocalDate.of(2039, 2, 10), february, "100");
        }
        org.order(id, "S1", LocalDate.of(2039, 3, 10), march, "100");
        return id;
    }

    private void lastYear(long customer, int quantity) {
        org.order(customer, "S1", LocalDate.of(2038, 3, 10), quantity, "100");
    }

    private void count(long customer, int inventory) {
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, inventory) values (?, ?, ?, ?)",
                customer, org.code("S1"), LocalDate.of(2039, 3, 20), inventory);
    }

    /** The application's rule with the weights and levels of the level tie above. */
    static IndicatorProperties levelRule(IndicatorProperties configured) {
        return new IndicatorProperties(configured.warningRatio(), configured.breadthTarget(),
                configured.newCustomerMonths(), configured.newCustomerMaxGrade(),
                new IndicatorProperties.Weights(30, 0, 0, 60, 10, 0),
                new IndicatorProperties.Levels(dec("12.01"), dec("12.00"), dec("1")), configured.growth(),
                configured.stock());
    }

    /** Every tie of the default rule, after {@code analysis} has analysed {@link #MONTH}. */
    void assertTies(CustomerAnalysisService analysis) {
        CustomerMonthResult rowT1 = analysis.forCustomer(MONTH, t1).orElseThrow();
        assertThat(List.of(rowT1.momIndex(), rowT1.peerMomIndex())).containsExactly(dec("0.3333"), dec("0.4167"));
        assertThat(rowT1.warning()).as("3/9 against 0.8 × 5/12: a tie is not below").isFalse();
        assertThat(analysis.forCustomer(MONTH, t2).orElseThrow().warning()).isFalse();
        assertThat(analysis.forCustomer(MONTH, u1).orElseThrow().warning()).as("just below the tie").isTrue();

        assertThat(List.of(w1, w2, w3, w4)).extracting(w -> analysis.forCustomer(MONTH, w).orElseThrow())
                .extracting(CustomerMonthResult::weeksOfStock, CustomerMonthResult::stockScore)
                .containsExactly(tuple(dec("1.0000"), dec("1.0000")),
                        tuple(dec("3.0000"), dec("1.0000")),
                        tuple(dec("0.5000"), dec("0.5000")),
                        tuple(dec("5.0000"), dec("0.5000")));

        assertThat(List.of(g1, g2)).extracting(g -> analysis.forCustomer(MONTH, g).orElseThrow())
                .extracting(CustomerMonthResult::growthIndex3m, CustomerMonthResult::growthScore)
                .containsExactly(tuple(dec("0.8000"), dec("0.0000")),
                        tuple(dec("1.2000"), dec("1.0000")));
    }

    /** The level tie: a customer service with {@link #levelRule} analyses the month. */
    void assertLevelTie(NamedParameterJdbcTemplate namedJdbc, SalesRollup rollup, IndicatorProperties configured) {
        CustomerAnalysisService levelled = new CustomerAnalysisService(namedJdbc, rollup, levelRule(configured),
                Clock.systemDefaultZone());
        levelled.analyse(MONTH);
        CustomerMonthResult rowL1 = levelled.forCustomer(MONTH, l1).orElseThrow();
        assertThat(List.of(rowL1.volumeScore(), rowL1.volumePoints(), rowL1.breadthPoints(), rowL1.growthScore()))
                .containsExactly(dec("0.3333"), dec("10.00"), dec("2.00"), dec("0.0005"));
        assertThat(rowL1.capabilityScore()).isEqualTo(dec("12.01"));
        assertThat(rowL1.capabilityLevel()).as("exactly at the 优 cut point").isEqualTo("优");
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
