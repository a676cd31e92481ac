package cn.cm135.brand.analysis;

import static cn.cm135.brand.analysis.BrandAnalysisFixture.MONTH;
import static cn.cm135.brand.analysis.BrandAnalysisFixture.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.analysis.SalesRollup;

/**
 * The hand-computed {@link BrandAnalysisFixture} on the shared H2 context. Per-area numbers are
 * isolated by the fixture's own areas, the centre index by its own specs. Every test runs in a
 * transaction that is rolled back, so the roll-up refreshes never leak into other test classes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class BrandAnalysisTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired BrandAnalysisService analysis;
    @Autowired SalesRollup rollup;
    @Autowired BrandStatusDecision decision;
    @Autowired RepositoryService repositoryService;

    private BrandAnalysisFixture fixture(String prefix) {
        BrandAnalysisFixture fixture = new BrandAnalysisFixture(jdbc, prefix);
        fixture.targets(analysis);
        fixture.refreshRollup(rollup);
        return fixture;
    }

    @Test
    void everyStoredNumberMatchesTheHandComputation() {
        BrandAnalysisFixture fixture = fixture("BRH");
        analysis.analyse(MONTH);
        fixture.assertRows(analysis);
        // the target upsert kept one row with the second value
        assertThat(jdbc.queryForObject("select count(*) from brand_target where area_code = ? and spec_code = ?",
                Integer.class, fixture.area1, fixture.k)).isEqualTo(2);   // 2024-06 and 2024-07
    }

    @Test
    void analysingTwiceGivesTheSameRowsWithoutDuplicates() {
        BrandAnalysisFixture fixture = fixture("BRI");
        analysis.analyse(MONTH);
        List<BrandMonthResult> before = analysis.rows(MONTH, fixture.cm1);
        analysis.analyse(MONTH);
        assertThat(jdbc.queryForObject("select count(*) from brand_month_result where period = '2024-06' "
                + "and area_code in (?, ?)", Integer.class, fixture.area1, fixture.area2)).isEqualTo(6);
        assertThat(analysis.rows(MONTH, fixture.cm1)).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "analysedAt").containsExactlyElementsOf(before);
        fixture.assertRows(analysis);
    }

    @Test
    void lockedAreaKeepsItsNumbersWhileOthersChange() {
        BrandAnalysisFixture fixture = fixture("BRL");
        analysis.analyse(MONTH);
        assertThat(analysis.conclude(MONTH, fixture.cm1, "重点品牌增长良好，二类烟P需关注")).isEqualTo(3);
        assertThat(analysis.conclude(MONTH, fixture.cm1, "重点品牌增长良好；P 预警，需走访核实")).isEqualTo(3);
        assertThat(analysis.lock(MONTH, fixture.cm1)).isEqualTo(3);
        assertThat(analysis.isLocked(MONTH, fixture.cm1)).isTrue();
        assertThat(analysis.isLocked(MONTH, fixture.cm2)).isFalse();

        assertThatThrownBy(() -> analysis.conclude(MONTH, fixture.cm1, "改结论"))
                .isInstanceOf(BrandAnalysisLockedException.class).hasMessageContaining("确定后不能修改");
        assertThatThrownBy(() -> analysis.lock(MONTH, fixture.cm1))
                .isInstanceOf(BrandAnalysisLockedException.class).hasMessageContaining("已确定");

        // Late June orders in both areas; a new spec sold in the locked area.
        fixture.order(fixture.a1, "K", "2024-06-28", 100);
        fixture.order(fixture.a3, "P", "2024-06-28", 5);
        fixture.order(fixture.b1, "K", "2024-06-29", 3);
        rollup.refresh(MONTH);
        var run = analysis.analyse(MONTH);

        assertThat(run.locked()).isEqualTo(3);
        List<BrandMonthResult> area1 = analysis.rows(MONTH, fixture.cm1);
        BrandAnalysisFixture.assertRows(area1, fixture.expectedArea1());
        assertThat(area1).allSatisfy(r -> {
            assertThat(r.locked()).isTrue();
            assertThat(r.lockedAt()).isNotNull();
            assertThat(r.conclusions()).isEqualTo("重点品牌增长良好；P 预警，需走访核实");
        });
        BrandMonthResult k2 = analysis.rows(MONTH, fixture.cm2).get(0);
        assertThat(k2.specCode()).isEqualTo(fixture.k);
        assertThat(k2.volume()).isEqualTo(30);
        assertThat(k2.momIndex()).isEqualTo(dec("1.0000"));
        assertThat(k2.centreIndex()).isEqualTo(dec("2.9091"));   // (130 + 30) / 55
        assertThat(k2.locked()).isFalse();
    }

    @Test
    void aTableWithoutSqlFormIsEvaluatedRowByRowWithTheSameStatuses() throws IOException {
        // The deployed table with one output written as a FEEL expression ("成熟" + "期"): the same decisions,
        // but DecisionTableSql does not translate it, so the DMN engine decides every row. The deployment is
        // rolled back with the test's transaction.
        String dmn;
        try (InputStream in = getClass().getResourceAsStream("/processes/brand-status.dmn")) {
            dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        repositoryService.createDeployment().name("brand-status-feel")
                .addString("brand-status.dmn", dmn.replace("<text>\"成熟期\"</text>", "<text>\"成熟\" + \"期\"</text>"))
                .deploy();
        assertThat(decision.load().sql(BrandAnalysisSql.STATUS_INPUT_COLUMNS)).isEmpty();

        BrandAnalysisFixture fixture = fixture("BRF");
        analysis.analyse(MONTH);
        fixture.assertRows(analysis);
    }

    @Test
    void concludingAMonthNeverAnalysedIsRefused() {
        BrandAnalysisFixture fixture = fixture("BRN");
        assertThatThrownBy(() -> analysis.lock(MONTH.plusMonths(3), fixture.cm1))
                .isInstanceOf(cn.cm135.rules.Refusal.class).hasMessageContaining("尚未生成");
    }

    @Test
    void removingATargetCustomerChangesTheConversion() {
        BrandAnalysisFixture fixture = fixture("BRT");
        assertThat(analysis.removeTargetCustomer(MONTH, fixture.n, fixture.a4)).isTrue();
        analysis.analyse(MONTH);
        BrandMonthResult n1 = analysis.rows(MONTH, fixture.cm1).get(1);
        assertThat(n1.specCode()).isEqualTo(fixture.n);
        assertThat(n1.targetCustomers()).isEqualTo(2);
        assertThat(n1.conversionRate()).isEqualTo(dec("0.5000"));
        assertThat(jdbc.queryForObject("select count(*) from sales_month where customer_id = ? and month_start = ?",
                Integer.class, fixture.a2, LocalDate.of(2024, 6, 1))).isEqualTo(2);   // K (two days, one row), N
    }
}
