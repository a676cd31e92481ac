package cn.cm135.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** 经度/纬度 and 营业开始/营业结束 of the customers import: stored when good, the file refused when not. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CustomerCoordinatesImportTests {

    private static final String HEADER = "许可证号,名称,地址,线路编码,业态,市场类型,档位,网上订货,开业日期,状态,个性化服务,经度,纬度,营业开始,营业结束";

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    private static String customers(String p, String... rows) {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < rows.length; i++) {
            text.append("\r\n").append(p).append(String.format("00000000%d,店%d,,", i + 1, i + 1)).append(p)
                    .append("R01,食杂店,城网,10,是,,,,").append(rows[i]);
        }
        return text.append("\r\n").toString();
    }

    private ImportReport importCustomers(Samples samples, String text) {
        return Samples.run(imports, ImportKind.CUSTOMERS, Samples.utf8WithBom(text), EncodingChoice.AUTO);
    }

    @Test
    void coordinatesAndOpeningHoursAreStoredAndAFileWithoutThemKeepsThem() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();
        samples.importSample(imports, ImportKind.ORGANIZATION);

        ImportReport report = importCustomers(samples, customers(p,
                "104.0657351,30.6598,8:30,21:00", "104.07,30.66,,", ",,,"));

        assertThat(report.imported()).as(report.toText()).isTrue();
        Map<String, Object> first = jdbc.queryForMap("select longitude, latitude, opens_at, closes_at from retail_customer "
                + "where licence_no = ?", p + "000000001");
        // Six decimals kept (about 0.1 m), rounded half up.
        assertThat((BigDecimal) first.get("LONGITUDE")).isEqualByComparingTo("104.065735");
        assertThat((BigDecimal) first.get("LATITUDE")).isEqualByComparingTo("30.659800");
        assertThat(jdbc.queryForObject("select opens_at from retail_customer where licence_no = ?", LocalTime.class,
                p + "000000001")).isEqualTo(LocalTime.of(8, 30));
        assertThat(jdbc.queryForObject("select closes_at from retail_customer where licence_no = ?", LocalTime.class,
                p + "000000001")).isEqualTo(LocalTime.of(21, 0));
        assertThat(jdbc.queryForMap("select longitude, opens_at from retail_customer where licence_no = ?", p + "000000002"))
                .containsEntry("OPENS_AT", null);
        assertThat(jdbc.queryForObject("select longitude from retail_customer where licence_no = ?", BigDecimal.class,
                p + "000000003")).isNull();

        // The old format (no coordinate columns) updates the rest and leaves the coordinates alone.
        ImportReport again = samples.importSample(imports, ImportKind.CUSTOMERS);
        assertThat(again.imported()).as(again.toText()).isTrue();
        assertThat(jdbc.queryForObject("select latitude from retail_customer where licence_no = ?", BigDecimal.class,
                p + "000000001")).isEqualByComparingTo("30.6598");
    }

    @Test
    void badCoordinatesOrHoursRejectTheWholeFileNamingRowColumnAndReason() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();
        samples.importSample(imports, ImportKind.ORGANIZATION);
        Map<String, Long> before = Samples.rowCounts(jdbc);

        ImportReport report = importCustomers(samples, customers(p,
                "104.07,30.66,08:00,20:00",   // line 2: good
                "150.2,30.66,,",              // line 3: east of China
                "104.07,,,",                  // line 4: latitude missing
                "104.07,北纬30度,,",           // line 5: not a number
                "104.07,2.5,,",               // line 6: south of China
                "104.07,30.66,21:00,08:00",   // line 7: closes before it opens
                "104.07,30.66,25:00,26:00",   // line 8: no such time
                "104.07,30.66,08:00,"));      // line 9: closing time missing

        assertThat(report.imported()).isFalse();
        assertThat(report.tables()).isEmpty();
        assertThat(Samples.rowCounts(jdbc)).isEqualTo(before);
        assertThat(report.errors()).extracting(ImportError::line, ImportError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "经度"), org.assertj.core.groups.Tuple.tuple(4L, "纬度"),
                org.assertj.core.groups.Tuple.tuple(5L, "纬度"), org.assertj.core.groups.Tuple.tuple(6L, "纬度"),
                org.assertj.core.groups.Tuple.tuple(7L, "营业结束"), org.assertj.core.groups.Tuple.tuple(8L, "营业开始"),
                org.assertj.core.groups.Tuple.tuple(8L, "营业结束"), org.assertj.core.groups.Tuple.tuple(9L, "营业结束"));
        List<String> reasons = report.errors().stream().map(ImportError::message).toList();
        assertThat(reasons.get(0)).isEqualTo("经度应在 73 到 136 度之间（中国境内，WGS84 十进制度）：「150.2」(out of range)");
        assertThat(reasons.get(1)).isEqualTo("经度和纬度须同时填写或同时留空 (longitude and latitude go together)");
        assertThat(reasons.get(2)).contains("不是有效的数字").contains("北纬30度");
        assertThat(reasons.get(3)).startsWith("纬度应在 3 到 54 度之间");
        assertThat(reasons.get(4)).isEqualTo("营业结束「08:00」应晚于营业开始「21:00」(closes before it opens)");
        assertThat(reasons.get(5)).contains("时间格式不正确").contains("25:00");
        assertThat(reasons.get(7)).isEqualTo("营业开始和营业结束须同时填写或同时留空 (opening hours go together)");
    }
}
