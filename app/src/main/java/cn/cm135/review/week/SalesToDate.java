package cn.cm135.review.week;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer manager's sales from the first of a month up to a day: volume (条), amount (元), and the key
 * brands' volume against the same days a year before. The roll-ups have no day granularity for volumes, so
 * this is one aggregate over at most two month-long ranges of order_line (index on order_date, customer_id),
 * the customers being those on the customer manager's routes now, as the target forecast counts them.
 */
@Component
public class SalesToDate {

    /** The figures; {@code keyBrandGrowth} in percent (2 decimals), null without last year's key-brand volume. */
    public record Sales(int volume, BigDecimal amount, int keyVolume, int keyVolumeLastYear) {

        /** 单条值 = amount ÷ volume, 元/条 to 2 decimals; null without volume. */
        public BigDecimal unitValue() {
            return volume == 0 ? null : amount.divide(BigDecimal.valueOf(volume), 2, RoundingMode.HALF_UP);
        }

        /** Key-brand YoY growth in percent = (key volume ÷ last year's − 1) × 100, 2 decimals. */
        public BigDecimal keyBrandGrowth() {
            return keyVolumeLastYear == 0 ? null
                    : BigDecimal.valueOf((long) (keyVolume - keyVolumeLastYear) * 100)
                            .divide(BigDecimal.valueOf(keyVolumeLastYear), 2, RoundingMode.HALF_UP);
        }
    }

    private static final String SALES = """
            select coalesce(sum(case when o.order_date >= :first then o.quantity else 0 end), 0) as volume,
                   coalesce(sum(case when o.order_date >= :first then o.amount else 0 end), 0) as amount,
                   coalesce(sum(case when o.order_date >= :first and s.key_brand then o.quantity else 0 end), 0) as key_volume,
                   coalesce(sum(case when o.order_date <= :lastYearAsOf and s.key_brand then o.quantity else 0 end), 0)
                       as key_volume_last_year
              from order_line o
              join retail_customer c on c.id = o.customer_id
              join route r on r.code = c.route_code
              join area a on a.code = r.area_code
              join cigarette_spec s on s.code = o.spec_code
             where a.customer_manager_id = :cm
               and ((o.order_date >= :first and o.order_date <= :asOf)
                 or (o.order_date >= :lastYearFirst and o.order_date <= :lastYearAsOf))
            """;

    private final NamedParameterJdbcTemplate jdbc;

    SalesToDate(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sales of {@code first} .. {@code asOf} (none when asOf is before first); last year: the same dates a year back. */
    @Transactional(readOnly = true)
    public Sales of(String customerManagerId, LocalDate first, LocalDate asOf) {
        Map<String, Object> row = jdbc.queryForMap(SALES, new MapSqlParameterSource("cm", customerManagerId)
                .addValue("first", Date.valueOf(first)).addValue("asOf", Date.valueOf(asOf))
                .addValue("lastYearFirst", Date.valueOf(first.minusYears(1)))
                .addValue("lastYearAsOf", Date.valueOf(asOf.minusYears(1))));
        return new Sales(((Number) row.get("volume")).intValue(), new BigDecimal(row.get("amount").toString()),
                ((Number) row.get("key_volume")).intValue(), ((Number) row.get("key_volume_last_year")).intValue());
    }
}
