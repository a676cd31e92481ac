package cn.cm135.brand.analysis;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.analysis.SalesRollup;

/**
 * The ties of {@link BrandThresholdFixture} on the shared H2 context (issue 16); the same on PostgreSQL in
 * {@link BrandAnalysisPostgresTests}. Rolled back like {@link BrandAnalysisTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class BrandThresholdTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;
    @Autowired BrandAnalysisService analysis;

    @Test
    void deltaExactlyAtFivePointsIsMature() {
        BrandThresholdFixture fixture = new BrandThresholdFixture(jdbc, rollup, "BTH");
        analysis.analyse(BrandThresholdFixture.MONTH);
        fixture.assertTies(analysis);
    }
}
