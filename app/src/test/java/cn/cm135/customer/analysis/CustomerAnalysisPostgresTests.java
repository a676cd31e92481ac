package cn.cm135.customer.analysis;

import static cn.cm135.customer.analysis.CustomerAnalysisFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.postgres.OwnPostgresDatabase;

/**
 * The hand-computed {@link CustomerAnalysisFixture} on its own embedded PostgreSQL: the fixture's
 * customers are the whole marketing centre, so the company-wide deciles, terciles and grades are
 * exact too, and the same SQL is proven on PostgreSQL.
 */
@OwnPostgresDatabase
@SpringBootTest(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class CustomerAnalysisPostgresTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerAnalysisService analysis;
    @Autowired NamedParameterJdbcTemplate namedJdbc;
    @Autowired SalesRollup rollup;
    @Autowired IndicatorProperties indicators;

    @Test
    void wholeAnalysisWithGradesOnPostgres() {
        CustomerAnalysisFixture fixture = new CustomerAnalysisFixture(jdbc, "CAP");
        var run = analysis.analyse(MONTH);
        assertThat(run.analysed()).isEqualTo(10);   // A B C D E F1..F5; X is suspended
        fixture.assertRows(analysis, true);

        assertThat(jdbc.queryForList("select grade from retail_customer where id in (?, ?, ?, ?, ?, ?) order by licence_no",
                Integer.class, fixture.a, fixture.b, fixture.c, fixture.d, fixture.e, fixture.x))
                .containsExactly(24, 17, 24, 19, 27, 5);
        assertThat(analysis.gradeHistory(fixture.a)).containsExactly(new CustomerAnalysisService.GradeHistory("2024-06", 24));

        // Re-running an earlier month adds to the history but does not overwrite the current grade.
        analysis.analyse(MONTH.minusMonths(1));
        assertThat(analysis.gradeHistory(fixture.e)).extracting(CustomerAnalysisService.GradeHistory::period)
                .containsExactly("2024-05", "2024-06");
        assertThat(jdbc.queryForObject("select grade from retail_customer where id = ?", Integer.class, fixture.e))
                .isEqualTo(27);

        // Idempotent on PostgreSQL as well.
        assertThat(analysis.analyse(MONTH).analysed()).isEqualTo(10);
        fixture.assertRows(analysis, true);
    }

    /** Issue 16's ties on PostgreSQL; rolled back, so the other test's marketing centre stays the fixture's. */
    @Test
    @Transactional
    void valuesExactlyAtAThresholdFallOnTheDocumentedSideOnPostgres() {
        CustomerThresholdFixture fixture = new CustomerThresholdFixture(jdbc, "CTP");
        analysis.analyse(CustomerThresholdFixture.MONTH);
        fixture.assertTies(analysis);
        fixture.assertLevelTie(namedJdbc, rollup, indicators);
    }
}
