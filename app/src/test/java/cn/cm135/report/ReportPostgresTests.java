package cn.cm135.report;

import static cn.cm135.report.ReportFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.postgres.OwnPostgresDatabase;

/**
 * Every report's SQL on a real PostgreSQL: the same {@link ReportFixture} rows give the same cells as on H2
 * ({@link ReportPagesTests}), including the aggregates of 片区统计 (avg, round, decimal division) and the
 * link built by string concatenation.
 */
@OwnPostgresDatabase
@SpringBootTest(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPostgresTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired ReportCatalog catalog;

    ReportFixture f;

    @BeforeAll
    void fixture() {
        f = new ReportFixture(jdbc, "RPP");
    }

    @Test
    void everyReportGivesTheSameCellsAsOnH2() {
        ReportScope cm1 = ReportScope.customerManagers(List.of(f.cm1), "cm1");
        ReportScope team1 = ReportScope.customerManagers(List.of(f.cm1, f.cm2), "team 1");
        ReportScope centre = ReportScope.centre("centre");

        assertThat(rows("business-effect", cm1, 0)).isEqualTo(f.businessEffectOfCm1());
        assertThat(link("business-effect", cm1)).isEqualTo("../sales-ledger/2031-03?customer=" + f.a);
        assertThat(rows("capability-score", cm1, 0).get(0)).isEqualTo(f.capabilityOfA());
        assertThat(rows("area-statistics", team1, 0)).isEqualTo(f.areaStatisticsOfTeam1());
        assertThat(rows("brand-status", cm1, 0)).containsExactly(f.brandRowOfCm1());
        for (int table = 0; table < 4; table++) {
            assertThat(rows("market-analysis", cm1, table)).isEqualTo(f.marketOfCm1().get(table));
        }
        assertThat(rows("sales-ledger", ReportScope.customer(f.a, f.cm1, "A"), 0)).isEqualTo(f.ledgerOfA());

        // The whole centre: every customer, by area; an empty team selects nothing.
        assertThat(rows("business-effect", centre, 0)).extracting(r -> r.get(0))
                .containsExactly(f.org.code("A"), f.org.code("B"), f.org.code("C"), f.org.code("D"));
        assertThat(page("business-effect", ReportScope.customerManagers(List.of(), "nobody")).tables().get(0).empty())
                .isTrue();
        // Conclusions under the brand table (locked) and the market tables (not yet written).
        assertThat(page("brand-status", cm1).notes().get(0))
                .isEqualTo(new ReportNote("周一片区 分析结论（已确定）", "重点培育S1"));
        assertThat(page("market-analysis", cm1).notes().get(0))
                .isEqualTo(new ReportNote("周一片区 分析结论（未确定）", "尚未填写"));
    }

    private ReportPage page(String report, ReportScope scope) {
        Report r = catalog.get(report);
        ReportRequest request = new ReportRequest(MONTH, scope);
        return ReportPage.of(r, request, r.content(request), "", "", "");
    }

    private List<List<String>> rows(String report, ReportScope scope, int table) {
        ReportPage.Table shown = page(report, scope).tables().get(table);
        List<List<String>> rows = new ArrayList<>(shown.rows().stream()
                .map(row -> row.stream().map(ReportPage.Cell::text).toList()).toList());
        if (shown.total() != null) {
            rows.add(shown.total().stream().map(ReportPage.Cell::text).toList());
        }
        return rows;
    }

    private String link(String report, ReportScope scope) {
        return page(report, scope).tables().get(0).rows().get(0).get(1).href();
    }
}
