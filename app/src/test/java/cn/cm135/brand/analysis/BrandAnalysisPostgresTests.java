package cn.cm135.brand.analysis;

import static cn.cm135.brand.analysis.BrandAnalysisFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.analysis.SalesRollup;

import cn.cm135.postgres.OwnPostgresDatabase;

/** The hand-computed {@link BrandAnalysisFixture} on its own embedded PostgreSQL: the same SQL, the same numbers. */
@OwnPostgresDatabase
@SpringBootTest(properties = {
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class BrandAnalysisPostgresTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired BrandAnalysisService analysis;
    @Autowired SalesRollup rollup;

    @Test
    void wholeBrandAnalysisOnPostgres() {
        BrandAnalysisFixture fixture = new BrandAnalysisFixture(jdbc, "BRP");
        fixture.targets(analysis);
        var run = analysis.analyse(MONTH);
        assertThat(run.analysed()).isEqualTo(6);
        fixture.assertRows(analysis);

        // Idempotent; then lock area 1, add late orders, re-analyse: area 1 keeps its numbers.
        assertThat(analysis.analyse(MONTH).analysed()).isEqualTo(6);
        fixture.assertRows(analysis);
        analysis.conclude(MONTH, fixture.cm1, "结论");
        analysis.lock(MONTH, fixture.cm1);
        assertThatThrownBy(() -> analysis.lock(MONTH, fixture.cm1)).isInstanceOf(BrandAnalysisLockedException.class);
        fixture.order(fixture.a1, "K", "2024-06-28", 100);
        rollup.refresh(MONTH);
        var rerun = analysis.analyse(MONTH);
        assertThat(rerun.analysed()).isEqualTo(3);
        assertThat(rerun.locked()).isEqualTo(3);
        BrandAnalysisFixture.assertRows(analysis.rows(MONTH, fixture.cm1), fixture.expectedArea1());
        assertThat(analysis.rows(MONTH, fixture.cm2).get(0).centreIndex()).isEqualTo(BrandAnalysisFixture.dec("2.8545"));
    }

    /** Issue 16's ties on PostgreSQL; rolled back, so the other test's marketing centre stays the fixture's. */
    @Test
    @Transactional
    void deltaExactlyAtFivePointsIsMatureOnPostgres() {
        BrandThresholdFixture fixture = new BrandThresholdFixture(jdbc, rollup, "BTP");
        analysis.analyse(BrandThresholdFixture.MONTH);
        fixture.assertTies(analysis);
    }
}
