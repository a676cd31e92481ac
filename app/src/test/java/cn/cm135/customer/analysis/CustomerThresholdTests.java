package cn.cm135.customer.analysis;

import static cn.cm135.customer.analysis.CustomerThresholdFixture.MONTH;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ties of {@link CustomerThresholdFixture} on the shared H2 context (issue 16); the same on PostgreSQL in
 * {@link CustomerAnalysisPostgresTests}. Rolled back like {@link CustomerAnalysisTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class CustomerThresholdTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired NamedParameterJdbcTemplate namedJdbc;
    @Autowired CustomerAnalysisService analysis;
    @Autowired SalesRollup rollup;
    @Autowired IndicatorProperties indicators;

    @Test
    void valuesExactlyAtAThresholdFallOnTheDocumentedSide() {
        CustomerThresholdFixture fixture = new CustomerThresholdFixture(jdbc, "CTH");
        analysis.analyse(MONTH);
        fixture.assertTies(analysis);
    }

    @Test
    void aScoreExactlyAtALevelCutPointHasThatLevel() {
        new CustomerThresholdFixture(jdbc, "CTL").assertLevelTie(namedJdbc, rollup, indicators);
    }
}
