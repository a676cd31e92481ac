package cn.cm135.planning.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.planning.visits.VisitProperties;
import cn.cm135.planning.visits.VisitProperties.Band;

/**
 * The forecast's planned visits follow the configured grade rule ({@code cm135.visits}): the application's
 * rule and a changed one, the latter given to a forecast built here (a second Spring context with other
 * properties would start a second engine on the shared database). Rolled back: the fixture's key spec would
 * otherwise join every later test's list of key specs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class TargetForecastBandsTests {

    private static final YearMonth MONTH = YearMonth.parse(ForecastFixture.MONTH);

    @Autowired JdbcTemplate jdbc;
    @Autowired TargetForecast configured;

    ForecastFixture fixture;

    @BeforeEach
    void createData() {
        fixture = new ForecastFixture(jdbc, "TFB");
    }

    @Test
    void theConfiguredRuleGivesTheVisitsOfIndicatorsMd() {
        // C1 grade 26 → 4, C2 grade 20 → 2, C3 no grade → 1, C4 closed → 0.
        TargetForecast.Forecast forecast = configured.forecast(fixture.customerManager, MONTH);
        assertThat(forecast.values())
                .isEqualTo(new TargetValues(60, new BigDecimal("146.36"), new BigDecimal("30.00"), 7));
        // The one line the form shows (ForecastFixture's hand computation, word for word).
        assertThat(forecast.basis()).isEqualTo("销量 = 去年同月（2025-11）50 条 × 近三月同比 1.100（2026-08～2026-10 99 条 ÷ "
                + "去年同期 90 条） ≈ 60 条（取整到十条）；单条值 = 去年同月 140.00 元 × 趋势 1.045 ≈ 146.36 元；"
                + "重点品牌增长 = 近三月重点品牌 39 条 ÷ 去年同期 30 条 − 1 = 30.00%；拜访次数 = 在营客户按档位规则"
                + "（档位 25–30 → 4 次，15–24 → 2 次，1–14 → 1 次，无档位 → 1 次）合计 7 次。");
    }

    @Test
    void aChangedRuleChangesThePlannedVisitsAndNothingElse() {
        // 档位 20–30 → 6, 10–19 → 3, 1–9 → 1, no grade → 2:
        // C1 grade 26 → 6, C2 grade 20 (the new band's edge) → 6, C3 no grade → 2, C4 closed → 0: 14.
        VisitProperties changed = new VisitProperties(List.of(new Band(20, 6), new Band(10, 3), new Band(1, 1)), 2, 1,
                31, 40);
        assertThat(new TargetForecast(jdbc, changed).forecast(fixture.customerManager, MONTH).values())
                .isEqualTo(new TargetValues(60, new BigDecimal("146.36"), new BigDecimal("30.00"), 14));
    }
}
