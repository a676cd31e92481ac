package cn.cm135.market.analysis;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.customer.analysis.SalesRollup;

/**
 * The ties of {@link MarketThresholdFixture} on the shared H2 context (issue 16); the same on PostgreSQL in
 * {@link MarketAnalysisPostgresTests}. Rolled back like {@link MarketAnalysisTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class MarketThresholdTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired SalesRollup rollup;
    @Autowired MarketAnalysisService analysis;

    @Test
    void valuesExactlyAtAThresholdFallOnTheDocumentedSide() {
        MarketThresholdFixture fixture = new MarketThresholdFixture(jdbc, rollup, "MTH");
        analysis.analyse(MarketThresholdFixture.MONTH);
        fixture.assertTies(analysis);
    }
}
