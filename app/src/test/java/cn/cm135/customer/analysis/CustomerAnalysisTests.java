package cn.cm135.customer.analysis;

import static cn.cm135.customer.analysis.CustomerAnalysisFixture.MONTH;
import static cn.cm135.customer.analysis.CustomerAnalysisFixture.dec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-computed {@link CustomerAnalysisFixture} on the shared H2 context. Other test classes'
 * customers live in the same database and take part in the company-wide deciles, so grades are
 * checked in {@link CustomerAnalysisPostgresTests}; here the fixture's own peer groups
 * (娱乐服务类/农网, 商场/农网) make percentile ranks and effect numbers exact. Every test runs in a
 * transaction that is rolled back, so the grades the analysis writes to other tests' customers vanish.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class CustomerAnalysisTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerAnalysisService analysis;
    @Autowired SalesRollup rollup;

    @Test
    void effectScoresAndPercentilesMatchTheHandComputation() {
        CustomerAnalysisFixture fixture = new CustomerAnalysisFixture(jdbc, "CAH");
        analysis.analyse(MONTH);
        fixture.assertRows(analysis, false);
        assertThat(CustomerMonthResult.percentText(analysis.forCustomer(MONTH, fixture.c).orElseThrow().momGrowth()))
                .isEqualTo("—");
        assertThat(CustomerMonthResult.percentText(analysis.forCustomer(MONTH, fixture.a).orElseThrow().momGrowth()))
                .isEqualTo("+50.00%");
        assertThat(CustomerMonthResult.percentText(analysis.forCustomer(MONTH, fixture.b).orElseThrow().momGrowth()))
                .isEqualTo("-100.00%");
        assertThat(analysis.forCustomerManager(MONTH, fixture.cm1)).extracting(CustomerMonthResult::customerId)
                .containsExactly(fixture.a, fixture.b, fixture.e);
    }

    @Test
    void rollupHoldsOneRowPerCustomerSpecAndMonth() {
        CustomerAnalysisFixture fixture = new CustomerAnalysisFixture(jdbc, "CAR");
        analysis.analyse(MONTH);
        // A in June: S1 10 + 5 on two days, S2 5, S3 10.
        assertThat(jdbc.queryForList("select spec_code, quantity, amount, order_days from sales_month "
                + "where customer_id = ? and month_start = ? order by spec_code", fixture.a, LocalDate.of(2024, 6, 1)))
                .extracting(r -> List.of(r.get("SPEC_CODE"), r.get("QUANTITY"), r.get("AMOUNT"), r.get("ORDER_DAYS")))
                .containsExactly(List.of("CARS1", 15, dec("3000.00"), 2), List.of("CARS2", 5, dec("500.00"), 1),
                        List.of("CARS3", 10, dec("500.00"), 1));
        // Months m-14 .. m-1 were rolled up once and are not redone; m is always redone.
        assertThat(rollup.ensure(MONTH.minusMonths(14), MONTH)).isEmpty();
        assertThat(jdbc.queryForObject("select sum(quantity) from sales_month where customer_id = ? "
                + "and month_start >= ? and month_start <= ?", Integer.class, fixture.a, LocalDate.of(2023, 4, 1),
                LocalDate.of(2024, 6, 1))).isEqualTo(40 + 99 + 20 + 20 + 30);
    }

    @Test
    void analysingTwiceGivesTheSameRows() {
        CustomerAnalysisFixture fixture = new CustomerAnalysisFixture(jdbc, "CAI");
        var first = analysis.analyse(MONTH);
        List<CustomerMonthResult> before = analysis.forCustomerManager(MONTH, fixture.cm2);
        var second = analysis.analyse(MONTH);
        assertThat(second.analysed()).isEqualTo(first.analysed());
        assertThat(jdbc.queryForObject("select count(*) from customer_month_result where period = '2024-06'",
                Integer.class)).isEqualTo(first.analysed());
        assertThat(analysis.forCustomerManager(MONTH, fixture.cm2)).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "analysedAt").containsExactlyElementsOf(before).hasSize(7);
        fixture.assertRows(analysis, false);
    }

    @Test
    void lockedMonthKeepsItsNumbersWhileOthersChange() {
        CustomerAnalysisFixture fixture = new CustomerAnalysisFixture(jdbc, "CAL");
        analysis.analyse(MONTH);
        assertThat(analysis.lock(MONTH, fixture.cm1)).isEqualTo(3);
        assertThat(analysis.isLocked(MONTH, fixture.cm1)).isTrue();
        assertThat(analysis.isLocked(MONTH, fixture.cm2)).isFalse();
        int gradeOfA = jdbc.queryForObject("select grade from retail_customer where id = ?", Integer.class, fixture.a);

        // Late order lines of June arrive for A (locked) and D (not locked); a new customer joins cm1.
        fixture.order(fixture.a, "S1", "2024-06-28", 100, "200");
        fixture.order(fixture.d, "S3", "2024-06-28", 10, "50");
        long late = fixture.customer("cm1", "LATE", "娱乐服务类", "ACTIVE", LocalDate.of(2020, 1, 1));
        fixture.order(late, "S1", "2024-06-28", 10, "200");
        rollup.refresh(MONTH);   // as the orders import does for the months it writes
        var run = analysis.analyse(MONTH);

        assertThat(run.locked()).isEqualTo(3);
        assertThat(analysis.forCustomer(MONTH, fixture.a).orElseThrow()).usingRecursiveComparison()
                .ignoringFields("analysedAt", "volumeDecile", "unitValueTercile", "grade", "locked")
                .isEqualTo(fixture.expectedA());
        assertThat(analysis.forCustomer(MONTH, fixture.a).orElseThrow().locked()).isTrue();
        assertThat(analysis.forCustomer(MONTH, late)).isEmpty();
        assertThat(jdbc.queryForObject("select grade from retail_customer where id = ?", Integer.class, fixture.a))
                .isEqualTo(gradeOfA);
        CustomerMonthResult rowD = analysis.forCustomer(MONTH, fixture.d).orElseThrow();
        assertThat(rowD.volume()).isEqualTo(25);
        assertThat(rowD.momIndex()).isEqualTo(dec("1.6667"));   // 25 / 15
        assertThat(rowD.locked()).isFalse();
    }
}
