package cn.cm135.customer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;

/**
 * Customers whose analysis of 2024-06 is worked out by hand (default weights 30/20/15/15/10/10).
 *
 * <pre>
 * Specs: S1 key brand, wholesale 200, retail 220 (+20/条); S2 100/110 (+10); S3 50/55 (+5).
 * Amount of an order line = quantity × wholesale price.
 * Peer groups: G1 = 娱乐服务类/农网 {A, B, C, D}; G2 = 商场/农网 {E} (alone); G3 = 便利店/农网 {F1..F5}.
 * X (G1, SUSPENDED, 500 条 of S1 in June) is left out of everything.
 * Customer managers: cm1 {A, B, E, X}, cm2 {C, D, F1..F5}. C opened 2024-05-10 (new: after 2024-03-30).
 *
 * m = 2024-06, last day 06-30; m-1 = 05, m-2 = 04 (the 3 months = the 91 days 04-01..06-30);
 * m-12 = 2023-06; same 3 months last year = 2023-04..06.
 * Weeks counted back from 06-30: w0 06-24..30, w1 06-17..23, w2 06-10..16, w3 06-03..09,
 *   w4 05-27..06-02, w5 05-20..26, w6 05-13..19, w7 05-06..12, w8 04-29..05-05, w9 04-22..28,
 *   w10 04-15..21, w11 04-08..14, w12 04-01..07.
 *
 * A  2023-04-10 S1 10, 05-10 S1 10, 06-10 S1 20              (LY 3 months 40, V(m-12) 20)
 *    2024-03-31 S1 99 (m-3: ignored), 2024-07-01 S1 77 (after m: ignored)
 *    04-02 S1 10 (w12), 04-16 S2 10 (w10)                       April 20 条, 3000 元
 *    05-07 S1 10 (w7),  05-21 S2 10 (w5)                        May   20 条, 3000 元
 *    06-04 S1 10 + S2 5 (w3), 06-18 S3 10 (w1), 06-25 S1 5 (w0) June  30 条, 4000 元
 *    V 30, A 4000.00, U 4000/30 = 133.33, MoM GI 30/20 = 1.5000, YoY GI 30/20 = 1.5000,
 *    order days 3 (06-04, 06-18, 06-25), specs 3, key 15, share 0.5000,
 *    profit 15×20 + 5×10 + 10×5 = 400.00
 *    V3 70, avg 23.33, A3 10000.00, U3 10000/70 = 142.857… → 142.86, weeks 7, specs3 3, LY3 40,
 *    growth index 70/40 = 1.7500 → (1.75−0.8)/0.4 ≥ 1 → 1;
 *    stock: S1 counts 05-10 50, 06-20 8, 06-28 price only (no count); S2 counted 07-02 (after m).
 *      counted specs {S1}: stock 8, S1 3-month volume 35 → 8 ÷ (35/13) = 2.9714 weeks → 1
 * B  04-09 S2 20 (w11), 05-14 S2 20 + S1 5 (w6), nothing in June, no history
 *    V 0, A 0, U 0, MoM GI 0/25 = 0.0000, YoY null, order days 0, specs 0, key 0, share 0, profit 0
 *    V3 45, avg 15.00, A3 5000.00, U3 111.11, weeks 2, specs3 2, LY3 0 → growth 0.5, never counted → 0.5
 * C  06-03 S1 100 (w3), 06-11 S1 50 + S3 20 (w2); opened 2024-05-10, new
 *    V 170, A 31000.00, U 182.35, MoM null (May 0), YoY null, days 2, specs 2, key 150,
 *    share 150/170 = 0.8824, profit 150×20 + 20×5 = 3100.00
 *    V3 170, avg 56.67, A3 31000.00, U3 182.35, weeks 2, specs3 2, LY3 0 → 0.5;
 *    S3 counted 0 on 06-28, S3 3-month volume 20 → 0 weeks of stock → 0
 * D  2023-04-24, 05-29, 06-26 S3 15 each; 2024-04-24 (w9), 05-29 (w4), 06-26 (w0) S3 15 each
 *    V 15, MoM 1, YoY 1, V3 45 (ties with B), U3 50.00
 * E  2023-04-12, 05-12, 06-12 S2 30 each; 2024-04-30 S2 30 (w8), 05-31 S2 30 (w4),
 *    06-12 S2 20 + S1 10 (w2)
 *    V 30, A 4000.00, U 133.33, MoM 30/30 = 1.0000, YoY 30/30 = 1.0000, days 1, specs 2,
 *    key 10, share 0.3333, profit 10×20 + 20×10 = 400.00
 *    V3 90, avg 30.00, A3 10000.00, U3 111.11, weeks 3, specs3 2, LY3 90, growth index 1.0000 → 0.5;
 *    S2 counted 25 on 06-12, S2 3-month volume 80 → 25×13/80 = 4.0625 weeks → (3,5] → 0.5
 * F1..F5  06-14 S3 1, 2, 3, 4, 5 条 (fillers for the deciles)
 *
 * Percentile ranks in G1 (PERCENT_RANK = (rank−1)/(n−1), n = 4, ties share the lowest rank):
 *   V3: B 45, D 45 → rank 1 → 0; A 70 → 2/3; C 170 → 1.   U3: D 50 → 0, B 1/3, A 2/3, C 1.
 *   E alone in G2 → 0.5 and 0.5.
 * Peer mean MoM GI in G1 = (1.5 + 0 + 1) / 3 = 0.8333 (C undefined, skipped); G2 = 1.0000.
 * Warning: B 0 < 0.8 × 0.8333 → yes; A 1.5, D 1 → no; C undefined → no; E 1/1 → no.
 *
 * Points (from unrounded scores; total rounded once):
 *   A 30×2/3 = 20.00, 20×2/3 = 13.33, 15×7/13 = 8.08, 15×3/30 = 1.50, 10×1 = 10.00, 10×1 = 10.00
 *     total 20 + 13.3333 + 8.0769 + 1.5 + 10 + 10 = 62.9103 → 62.91 中
 *   B 0.00, 20×1/3 = 6.67, 15×2/13 = 2.31, 15×2/30 = 1.00, 5.00, 5.00 → 19.9744 → 19.97 差
 *   C 30.00, 20.00, 2.31, 1.00, 5.00, 0.00 → 58.3077 → 58.31 中
 *   E 15.00, 10.00, 15×3/13 = 3.46, 1.00, 5.00, 5.00 → 39.4615 → 39.46 差
 *
 * Grades, company-wide over the 10 customers considered (X suspended is not one of them):
 *   NTILE(10) by V3, licence: F1 1, F2 2, F3 3, F4 4, F5 5, B 6, D 7 (45 tie: licence B < D), A 8, E 9, C 10
 *   NTILE(3) (4/3/3 rows) by U3, licence: D F1 F2 F3 → 1 | F4 F5 B → 2 | E A C → 3
 *     (B and E tie at 111.11…: licence B < E)
 *   A (8−1)×3+3 = 24, B (6−1)×3+2 = 17, D (7−1)×3+1 = 19, E (9−1)×3+3 = 27,
 *   C (10−1)×3+3 = 30 → new customer, capped at 24.
 * </pre>
 */
final class CustomerAnalysisFixture {

    static final YearMonth MONTH = YearMonth.of(2024, 6);

    final TestOrganization org;
    final JdbcTemplate jdbc;
    final String cm1;
    final String cm2;
    final long a, b, c, d, e, x;

    CustomerAnalysisFixture(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        org = new TestOrganization(jdbc, prefix);
        org.department("D1", "mm1", "王市场");
        cm1 = org.customerManager("D1", "cm1", "李客户");
        cm2 = org.customerManager("D1", "cm2", "赵客户");
        org.spec("S1", "测试重点烟", "200", true);
        org.spec("S2", "测试烟二", "100", false);
        org.spec("S3", "测试烟三", "50", false);
        LocalDate old = LocalDate.of(2020, 1, 1);
        a = customer("cm1", "A", "娱乐服务类", "ACTIVE", old);
        b = customer("cm1", "B", "娱乐服务类", "ACTIVE", old);
        c = customer("cm2", "C", "娱乐服务类", "ACTIVE", LocalDate.of(2024, 5, 10));
        d = customer("cm2", "D", "娱乐服务类", "ACTIVE", old);
        e = customer("cm1", "E", "商场", "ACTIVE", old);
        x = customer("cm1", "X", "娱乐服务类", "SUSPENDED", old);

        order(a, "S1", "2023-04-10", 10, "200");
        order(a, "S1", "2023-05-10", 10, "200");
        order(a, "S1", "2023-06-10", 20, "200");
        order(a, "S1", "2024-03-31", 99, "200");
        order(a, "S1", "2024-04-02", 10, "200");
        order(a, "S2", "2024-04-16", 10, "100");
        order(a, "S1", "2024-05-07", 10, "200");
        order(a, "S2", "2024-05-21", 10, "100");
        order(a, "S1", "2024-06-04", 10, "200");
        order(a, "S2", "2024-06-04", 5, "100");
        order(a, "S3", "2024-06-18", 10, "50");
        order(a, "S1", "2024-06-25", 5, "200");
        order(a, "S1", "2024-07-01", 77, "200");

        order(b, "S2", "2024-04-09", 20, "100");
        order(b, "S2", "2024-05-14", 20, "100");
        order(b, "S1", "2024-05-14", 5, "200");

        order(c, "S1", "2024-06-03", 100, "200");
        order(c, "S1", "2024-06-11", 50, "200");
        order(c, "S3", "2024-06-11", 20, "50");

        for (String day : new String[] {"2023-04-24", "2023-05-29", "2023-06-26", "2024-04-24", "2024-05-29",
                "2024-06-26"}) {
            order(d, "S3", day, 15, "50");
        }

        order(e, "S2", "2023-04-12", 30, "100");
        order(e, "S2", "2023-05-12", 30, "100");
        order(e, "S2", "2023-06-12", 30, "100");
        order(e, "S2", "2024-04-30", 30, "100");
        order(e, "S2", "2024-05-31", 30, "100");
        order(e, "S2", "2024-06-12", 20, "100");
        order(e, "S1", "2024-06-12", 10, "200");

        order(x, "S1", "2024-06-05", 500, "200");

        for (int k = 1; k <= 5; k++) {
            long f = customer("cm2", "F" + k, "便利店", "ACTIVE", old);
            order(f, "S3", "2024-06-14", k, "50");
        }

        count(a, "S1", "2024-05-10", 50, null);
        count(a, "S1", "2024-06-20", 8, null);
        count(a, "S1", "2024-06-28", null, "230");
        count(a, "S2", "2024-07-02", 99, null);
        count(c, "S3", "2024-06-28", 0, null);
        count(e, "S2", "2024-06-12", 25, null);
    }

    long customer(String cmLocal, String licence, String businessFormat, String status, LocalDate openedOn) {
        jdbc.update("insert into retail_customer (licence_no, name, route_code, business_format, market_type, grade, "
                + "status, opened_on) values (?, ?, ?, ?, '农网', 5, ?, ?)", org.code(licence), "零售户" + licence,
                org.code("R-" + cmLocal), businessFormat, status, openedOn);
        return jdbc.queryForObject("select id from retail_customer where licence_no = ?", Long.class, org.code(licence));
    }

    void order(long customer, String spec, String day, int quantity, String wholesale) {
        org.order(customer, spec, LocalDate.parse(day), quantity, wholesale);
    }

    void count(long customer, String spec, String day, Integer inventory, String retailPrice) {
        jdbc.update("insert into field_observation (customer_id, spec_code, observed_on, inventory, retail_price) "
                + "values (?, ?, ?, ?, ?)", customer, org.code(spec), LocalDate.parse(day), inventory,
                retailPrice == null ? null : new BigDecimal(retailPrice));
    }

    // ---- expected rows, copied from the hand computation above ----

    CustomerMonthResult expectedA() {
        return new CustomerMonthResult("2024-06", a, cm1, "娱乐服务类", "农网",
                30, dec("4000.00"), dec("133.33"), 20, dec("1.5000"), 20, dec("1.5000"), 3, 3, 15, dec("0.5000"),
                dec("400.00"), dec("0.8333"), false,
                70, dec("23.33"), dec("0.6667"), dec("20.00"),
                dec("10000.00"), dec("142.86"), dec("0.6667"), dec("13.33"),
                7, dec("0.5385"), dec("8.08"),
                3, dec("0.1000"), dec("1.50"),
                40, dec("1.7500"), dec("1.0000"), dec("10.00"),
                8, dec("2.9714"), dec("1.0000"), dec("10.00"),
                dec("62.91"), "中",
                8, 3, false, 24, false, null);
    }

    CustomerMonthResult expectedB() {
        return new CustomerMonthResult("2024-06", b, cm1, "娱乐服务类", "农网",
                0, dec("0.00"), dec("0.00"), 25, dec("0.0000"), 0, null, 0, 0, 0, dec("0.0000"),
                dec("0.00"), dec("0.8333"), true,
                45, dec("15.00"), dec("0.0000"), dec("0.00"),
                dec("5000.00"), dec("111.11"), dec("0.3333"), dec("6.67"),
                2, dec("0.1538"), dec("2.31"),
                2, dec("0.0667"), dec("1.00"),
                0, null, dec("0.5000"), dec("5.00"),
                null, null, dec("0.5000"), dec("5.00"),
                dec("19.97"), "差",
                6, 2, false, 17, false, null);
    }

    CustomerMonthResult expectedC() {
        return new CustomerMonthResult("2024-06", c, cm2, "娱乐服务类", "农网",
                170, dec("31000.00"), dec("182.35"), 0, null, 0, null, 2, 2, 150, dec("0.8824"),
                dec("3100.00"), dec("0.8333"), false,
                170, dec("56.67"), dec("1.0000"), dec("30.00"),
                dec("31000.00"), dec("182.35"), dec("1.0000"), dec("20.00"),
                2, dec("0.1538"), dec("2.31"),
                2, dec("0.0667"), dec("1.00"),
                0, null, dec("0.5000"), dec("5.00"),
                0, dec("0.0000"), dec("0.0000"), dec("0.00"),
                dec("58.31"), "中",
                10, 3, true, 24, false, null);
    }

    CustomerMonthResult expectedE() {
        return new CustomerMonthResult("2024-06", e, cm1, "商场", "农网",
                30, dec("4000.00"), dec("133.33"), 30, dec("1.0000"), 30, dec("1.0000"), 1, 2, 10, dec("0.3333"),
                dec("400.00"), dec("1.0000"), false,
                90, dec("30.00"), dec("0.5000"), dec("15.00"),
                dec("10000.00"), dec("111.11"), dec("0.5000"), dec("10.00"),
                3, dec("0.2308"), dec("3.46"),
                2, dec("0.0667"), dec("1.00"),
                90, dec("1.0000"), dec("0.5000"), dec("5.00"),
                25, dec("4.0625"), dec("0.5000"), dec("5.00"),
                dec("39.46"), "差",
                9, 3, false, 27, false, null);
    }

    /** Every stored number of A, B, C and E; the grade columns only where the population is the fixture's own. */
    void assertRows(CustomerAnalysisService analysis, boolean withGrades) {
        for (CustomerMonthResult expected : new CustomerMonthResult[] {expectedA(), expectedB(), expectedC(),
                expectedE()}) {
            CustomerMonthResult actual = analysis.forCustomer(MONTH, expected.customerId()).orElseThrow();
            var comparison = assertThat(actual).as("customer " + expected.customerId()).usingRecursiveComparison()
                    .ignoringFields("analysedAt");
            if (!withGrades) {
                comparison = comparison.ignoringFields("volumeDecile", "unitValueTercile", "grade");
            }
            comparison.isEqualTo(expected);
            assertThat(actual.analysedAt()).isNotNull();
        }
        // D: the tie with B on 3-month volume; the customer alone in its group is E (above).
        CustomerMonthResult rowD = analysis.forCustomer(MONTH, d).orElseThrow();
        assertThat(rowD.volumeScore()).isEqualTo(dec("0.0000"));
        assertThat(rowD.unitValue3m()).isEqualTo(dec("50.00"));
        assertThat(rowD.momIndex()).isEqualTo(dec("1.0000"));
        assertThat(rowD.orderWeeks()).isEqualTo(3);
        assertThat(rowD.capabilityScore()).isEqualTo(dec("13.96"));   // 0+0+15×3/13+15/30+5+5 = 13.9615
        assertThat(analysis.forCustomer(MONTH, x)).isEmpty();
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
