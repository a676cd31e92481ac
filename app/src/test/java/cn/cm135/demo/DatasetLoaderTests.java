package cn.cm135.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Loads the tiny city into the shared test database with JDBC batches and finds there exactly the
 * rows the generator reported. Its keys start with "GZ" and it removes its rows afterwards, so other
 * test classes sharing the database never see them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DatasetLoaderTests {

    private static final String PREFIX = "GZ";
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    @Autowired
    private DatasetLoader loader;
    @Autowired
    private JdbcTemplate jdbc;

    private long firstId;

    @Test
    void everyReportedRowIsInTheDatabase() {
        firstId = count("select coalesce(max(id), 0) from retail_customer") + 1;
        GenerationReport report = loader.load(
                new GeneratorSettings(DatasetSize.TINY, 135, TODAY, PREFIX, firstId), true);

        assertThat(report.writer()).isEqualTo("JDBC batches");
        assertThat(count("select count(*) from staff where staff_id like 'GZ%'")).isEqualTo(3)
                .isEqualTo(report.rows(Table.STAFF));
        assertThat(count("select count(*) from market_department where code like 'GZ%' and market_manager_id = 'GZmm01'"))
                .isEqualTo(report.rows(Table.DEPARTMENT)).isEqualTo(1);
        assertThat(count("select count(*) from route r join area a on a.code = r.area_code where a.code like 'GZ%'"))
                .isEqualTo(report.rows(Table.ROUTE)).isEqualTo(5);
        assertThat(count("select count(*) from cigarette_spec where code like 'GZ%'"))
                .isEqualTo(report.rows(Table.SPEC)).isEqualTo(20);
        long customers = count("select count(*) from retail_customer where id >= " + firstId);
        assertThat(customers).isEqualTo(report.rows(Table.CUSTOMER)).isBetween(50L, 70L);
        assertThat(count(ofTiny("order_line"))).isEqualTo(report.rows(Table.ORDER_LINE)).isGreaterThan(1_000);
        assertThat(count(ofTiny("field_observation"))).isEqualTo(report.rows(Table.OBSERVATION)).isPositive();
        assertThat(count(ofTiny("market_anomaly"))).isEqualTo(report.rows(Table.ANOMALY));
        assertThat(count(ofTiny("customer_demand") + " and period = '2026-02' and status = 'RECORDED'"))
                .isEqualTo(report.rows(Table.DEMAND)).isPositive();
        // Three months up to and including today, nothing in the future.
        assertThat(jdbc.queryForObject("select min(order_date) from order_line where customer_id >= " + firstId,
                LocalDate.class)).isBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 7));
        assertThat(jdbc.queryForObject("select max(order_date) from order_line where customer_id >= " + firstId,
                LocalDate.class)).isBetween(TODAY.minusDays(6), TODAY);
        // Amounts are quantity × wholesale price.
        assertThat(count("select count(*) from order_line o join cigarette_spec s on s.code = o.spec_code"
                + " where o.customer_id >= " + firstId + " and o.amount <> o.quantity * s.wholesale_price")).isZero();
        // The identity continues after the explicit ids.
        jdbc.update("insert into retail_customer (licence_no, name, route_code, business_format, market_type)"
                + " values ('GZX1', '测试店', 'GZPQ01-1', '食杂店', '城网')");
        assertThat(count("select id from retail_customer where licence_no = 'GZX1'"))
                .isGreaterThan(firstId + customers - 1);
    }

    private String ofTiny(String table) {
        return "select count(*) from " + table + " where customer_id >= " + firstId;
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    @AfterEach
    void removeTheTinyCity() {
        if (firstId == 0) {
            return; // failed before loading anything; "customer_id >= 0" would remove other tests' rows
        }
        for (String table : new String[] {"customer_demand", "market_anomaly", "field_observation", "order_line"}) {
            jdbc.update("delete from " + table + " where customer_id >= ?", firstId);
        }
        jdbc.update("delete from retail_customer where id >= ? or licence_no like 'GZ%'", firstId);
        jdbc.update("delete from cigarette_spec where code like 'GZ%'");
        jdbc.update("delete from route where code like 'GZ%'");
        jdbc.update("delete from area where code like 'GZ%'");
        jdbc.update("update market_department set market_manager_id = null where code like 'GZ%'");
        jdbc.update("delete from staff where staff_id like 'GZ%'");
        jdbc.update("delete from market_department where code like 'GZ%'");
    }
}
