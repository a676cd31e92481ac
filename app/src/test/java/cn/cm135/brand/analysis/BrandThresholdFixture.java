package cn.cm135.brand.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;
import cn.cm135.customer.analysis.SalesRollup;

/**
 * Brand status exactly on its thresholds (DMN brand-status: 成长期 if δ &gt; 5 pp, 衰退期 if δ &lt; −5 pp), analysed
 * for 2039-09 and worked out by hand. Issue 16: δ is rounded exactly to its stored 2 decimals, then compared.
 * The warning's tie (index ratio exactly 0.8, not warned) is {@link BrandAnalysisFixture}'s A1 N.
 *
 * <pre>
 * Area A1 (cm1), customer c1; specs K and P, price class 2, launched 2015-01-01 (not 导入期).
 *   K: 2038-09 100, 2039-09 125 → YoY 1.25;   P: 2038-09 100, 2039-09 115 → YoY 1.15
 *   class 2 in A1: 240 ÷ 200 = 1.2000
 *   δ K = 100·(125·200 − 240·100) ÷ (100·200) = 5.00 → not "&gt; 5" → 成熟期
 *   δ P = 100·(115·200 − 240·100) ÷ (100·200) = −5.00 → not "&lt; −5" → 成熟期
 * </pre>
 */
final class BrandThresholdFixture {

    static final YearMonth MONTH = YearMonth.of(2039, 9);

    final String cm1;
    final String area1;
    final String k;
    final String p;

    BrandThresholdFixture(JdbcTemplate jdbc, SalesRollup rollup, String prefix) {
        TestOrganization org = new TestOrganization(jdbc, prefix);
        org.department("D1", "mm1", "钱平局");
        cm1 = org.customerManager("D1", "cm1", "孙平局");
        area1 = org.code("A-cm1");
        k = org.code("K");
        p = org.code("P");
        for (String spec : new String[] {k, p}) {
            jdbc.update("insert into cigarette_spec (code, name, brand_family, wholesale_price, retail_price, price_class, "
                    + "key_brand, new_brand, launched_on) values (?, ?, '测试', 100, 120, 2, false, false, ?)", spec,
                    "平局" + spec, LocalDate.of(2015, 1, 1));
        }
        long c1 = org.customer("cm1", "c1", null, "ACTIVE");
        org.order(c1, "K", LocalDate.of(2038, 9, 10), 100, "100");
        org.order(c1, "K", LocalDate.of(2039, 9, 10), 125, "100");
        org.order(c1, "P", LocalDate.of(2038, 9, 10), 100, "100");
        org.order(c1, "P", LocalDate.of(2039, 9, 10), 115, "100");
        for (YearMonth m = MONTH.minusMonths(12); !m.isAfter(MONTH); m = m.plusMonths(1)) {
            rollup.refresh(m);
        }
    }

    void assertTies(BrandAnalysisService analysis) {
        assertThat(analysis.rows(MONTH, cm1))
                .extracting(BrandMonthResult::specCode, BrandMonthResult::deltaPp, BrandMonthResult::status)
                .containsExactly(tuple(k, new BigDecimal("5.00"), "成熟期"), tuple(p, new BigDecimal("-5.00"), "成熟期"));
    }
}
