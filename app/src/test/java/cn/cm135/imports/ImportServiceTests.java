package cn.cm135.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.organization.Groups;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportServiceTests {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Test
    void organizationImportWritesStaffDepartmentAreasRoutesAndCreatesCamundaUsersInTheirGroups() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();

        ImportReport report = samples.importSample(imports, ImportKind.ORGANIZATION);

        assertThat(report.imported()).as(report.toText()).isTrue();
        assertThat(report.encoding()).isEqualTo("UTF-8");
        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(Samples.table(report, "staff").inserted()).isEqualTo(3);
        assertThat(Samples.table(report, "market_department").inserted()).isEqualTo(1);
        assertThat(Samples.table(report, "area").inserted()).isEqualTo(2);
        assertThat(Samples.table(report, "route").inserted()).isEqualTo(4);
        assertThat(report.tables()).allSatisfy(t -> assertThat(t.updated()).isZero());
        assertThat(jdbc.queryForObject("select market_manager_id from market_department where code = ?", String.class,
                p + "D01")).isEqualTo(p + "MM01");
        assertThat(jdbc.queryForList("select staff_id from staff where department_code = ? and role = 'CUSTOMER_MANAGER' order by 1",
                String.class, p + "D01")).containsExactly(p + "CM01", p + "CM02");
        assertThat(jdbc.queryForObject("select weekday from route where code = ?", Integer.class, p + "R02")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select customer_manager_id from area where code = ?", String.class, p + "A02"))
                .isEqualTo(p + "CM02");

        assertThat(report.initialPasswords()).containsOnlyKeys(p + "MM01", p + "CM01", p + "CM02");
        report.initialPasswords().forEach((user, password) ->
                assertThat(identityService.checkPassword(user, password)).as(user).isTrue());
        assertThat(groupsOf(p + "MM01")).contains(Groups.MARKET_MANAGERS).doesNotContain(Groups.CUSTOMER_MANAGERS);
        assertThat(groupsOf(p + "CM01")).contains(Groups.CUSTOMER_MANAGERS).doesNotContain(Groups.MARKET_MANAGERS);
        assertThat(identityService.createUserQuery().userId(p + "CM02").singleResult().getFirstName()).isEqualTo("张丽");
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    @Test
    void customerImportMapsStatusesFormatsAndDates() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();
        samples.importSample(imports, ImportKind.ORGANIZATION);

        ImportReport report = samples.importSample(imports, ImportKind.CUSTOMERS);

        assertThat(report.imported()).as(report.toText()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(6);
        assertThat(report.tables()).containsExactly(new TableCount("retail_customer", 6, 6, 0, 0));
        Map<String, Object> suspended = jdbc.queryForMap(
                "select status, online_ordering, grade, opened_on, market_type, personalised_service from retail_customer where licence_no = ?",
                p + "000000005");
        assertThat(suspended).containsEntry("STATUS", "SUSPENDED").containsEntry("ONLINE_ORDERING", false)
                .containsEntry("MARKET_TYPE", "农网")
                .containsEntry("PERSONALISED_SERVICE", "残疾人，上门服务");
        assertThat(((Number) suspended.get("GRADE")).intValue()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select opened_on from retail_customer where licence_no = ?", LocalDate.class,
                p + "000000002")).isEqualTo(LocalDate.of(2012, 6, 18));
        assertThat(jdbc.queryForObject("select opened_on from retail_customer where licence_no = ?", LocalDate.class,
                p + "000000003")).isEqualTo(LocalDate.of(2018, 9, 1));
        // Blank status means a new customer is active; blank grade stays empty until the analysis sets it.
        assertThat(jdbc.queryForObject("select status from retail_customer where licence_no = ?", String.class,
                p + "000000004")).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select grade from retail_customer where licence_no = ?", Integer.class,
                p + "000000006")).isNull();
    }

    @Test
    void specImportDerivesBlankPriceClassesFromTheWholesalePrice() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();

        ImportReport report = samples.importSample(imports, ImportKind.SPECS);

        assertThat(report.imported()).as(report.toText()).isTrue();
        assertThat(report.tables()).containsExactly(new TableCount("cigarette_spec", 5, 5, 0, 0));
        Map<String, Integer> classes = Map.of(p + "S01", 1, p + "S02", 2, p + "S03", 4, p + "S04", 2, p + "S05", 5);
        classes.forEach((code, expected) -> assertThat(
                jdbc.queryForObject("select price_class from cigarette_spec where code = ?", Integer.class, code))
                .as(code).isEqualTo(expected));
        assertThat(jdbc.queryForObject("select wholesale_price from cigarette_spec where code = ?", BigDecimal.class,
                p + "S03")).isEqualByComparingTo("95.40");
        assertThat(jdbc.queryForObject("select new_brand from cigarette_spec where code = ?", Boolean.class,
                p + "S04")).isTrue();
    }

    @Test
    void orderAndObservationImportsWriteOrderLinesObservationsAndAnomalies() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();
        samples.importReferenceData(imports);

        ImportReport orders = samples.importSample(imports, ImportKind.ORDERS);
        ImportReport observations = samples.importSample(imports, ImportKind.OBSERVATIONS);

        assertThat(orders.imported()).as(orders.toText()).isTrue();
        assertThat(orders.rowsRead()).isEqualTo(20);
        assertThat(orders.tables()).containsExactly(new TableCount("order_line", 20, 20, 0, 0));
        assertThat(jdbc.queryForObject("select sum(quantity) from order_line where order_no like ?", Integer.class,
                p + "%")).isEqualTo(79);
        assertThat(jdbc.queryForObject("select order_date from order_line where order_no = ? and spec_code = ?",
                LocalDate.class, p + "O2501150009", p + "S03")).isEqualTo(LocalDate.of(2025, 1, 15));

        assertThat(observations.imported()).as(observations.toText()).isTrue();
        assertThat(observations.rowsRead()).isEqualTo(6);
        assertThat(observations.tables()).containsExactly(new TableCount("field_observation", 5, 5, 0, 0),
                new TableCount("market_anomaly", 3, 3, 0, 0));
        assertThat(jdbc.queryForList("select a.anomaly_type from market_anomaly a join retail_customer c on c.id = a.customer_id "
                + "where c.licence_no like ? order by 1", String.class, p + "%")).containsExactly("价格异常", "假烟", "断货");
        assertThat(jdbc.queryForObject("select on_shelf from field_observation o join retail_customer c on c.id = o.customer_id "
                + "where c.licence_no = ? and o.spec_code = ?", Boolean.class, p + "000000001", p + "S04")).isFalse();
    }

    @Test
    void ordersImportRefreshesTheRollupsOfTheMonthsItChanges() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();
        samples.importReferenceData(imports);
        assertThat(samples.importSample(imports, ImportKind.ORDERS).imported()).isTrue();
        long c1 = jdbc.queryForObject("select id from retail_customer where licence_no = ?", Long.class, p + "000000001");

        // Customer 1 in January 2025: S01 2 (01-06) + 1 (01-13), S02 5, S03 10, S04 2 = 20 条 of 4 specs,
        // 900 + 450 + 1,100 + 954 + 340 = 3,744.00 元, ordering on 2 days.
        assertThat(monthOf(c1, "2025-01-01")).containsExactly(20, new BigDecimal("3744.00"), 4);
        assertThat(jdbc.queryForObject("select quantity from sales_month where month_start = ? and customer_id = ? "
                + "and spec_code = ?", Integer.class, LocalDate.of(2025, 1, 1), c1, p + "S01")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from customer_order_day where customer_id = ?", Integer.class, c1))
                .isEqualTo(2);

        // A correction moves the S02 line of order 0001 to February: both months are rolled up again.
        String moved = "订单号,许可证号,规格编码,订货日期,数量,金额\n"
                + p + "O2501060001," + p + "000000001," + p + "S02,2025-02-03,5,1100.00\n";
        ImportReport correction = Samples.run(imports, ImportKind.ORDERS, Samples.utf8WithBom(moved), EncodingChoice.AUTO);
        assertThat(correction.tables()).containsExactly(new TableCount("order_line", 1, 0, 1, 0));
        assertThat(monthOf(c1, "2025-01-01")).containsExactly(15, new BigDecimal("2644.00"), 3);
        assertThat(monthOf(c1, "2025-02-01")).containsExactly(5, new BigDecimal("1100.00"), 1);
        // The quarter ending in February: S02 5 in February, S01 3 in January (its month before).
        assertThat(jdbc.queryForList("select spec_code, quantity, prev_quantity, quantity_3m from sales_quarter "
                + "where month_start = ? and customer_id = ? order by spec_code", LocalDate.of(2025, 2, 1), c1)
                .stream().map(r -> List.copyOf(r.values())).toList()).containsExactly(
                        List.of(p + "S01", 0, 3, 3), List.of(p + "S02", 5, 0, 5), List.of(p + "S03", 0, 10, 10),
                        List.of(p + "S04", 0, 2, 2));

        // The same correction again changes no line, so no month is rolled up again.
        List<Object> refreshed = refreshedAt();
        ImportReport again = Samples.run(imports, ImportKind.ORDERS, Samples.utf8WithBom(moved), EncodingChoice.AUTO);
        assertThat(again.tables()).containsExactly(new TableCount("order_line", 1, 0, 0, 1));
        assertThat(refreshedAt()).isEqualTo(refreshed);
    }

    private List<Object> refreshedAt() {
        return jdbc.queryForList("select refreshed_at from sales_month_refresh where month_start in (?, ?) "
                + "order by month_start", Object.class, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1));
    }

    private List<Object> monthOf(long customerId, String month) {
        return List.copyOf(jdbc.queryForMap("select quantity, amount, specs from customer_sales_month "
                + "where month_start = ? and customer_id = ?", LocalDate.parse(month), customerId).values());
    }

    @Test
    void importingTheSameFilesTwiceChangesNothing() {
        Samples samples = Samples.fresh();
        List<ImportKind> kinds = List.of(ImportKind.values());
        kinds.forEach(kind -> assertThat(samples.importSample(imports, kind).imported()).isTrue());
        Map<String, Long> before = Samples.rowCounts(jdbc);

        for (ImportKind kind : kinds) {
            ImportReport again = samples.importSample(imports, kind);

            assertThat(again.imported()).as(again.toText()).isTrue();
            assertThat(again.initialPasswords()).isEmpty();
            assertThat(again.tables()).as(kind.name()).allSatisfy(t -> {
                assertThat(t.inserted()).isZero();
                assertThat(t.updated()).isZero();
                assertThat(t.unchanged()).isEqualTo(t.written());
            });
        }
        assertThat(Samples.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void changedValuesAreCountedAsUpdates() {
        Samples samples = Samples.fresh();
        samples.importReferenceData(imports);
        String changed = samples.text(ImportKind.SPECS).replace("450.00,500.00", "460.00,510.00");

        ImportReport report = Samples.run(imports, ImportKind.SPECS, Samples.utf8WithBom(changed), EncodingChoice.AUTO);

        assertThat(report.tables()).containsExactly(new TableCount("cigarette_spec", 5, 0, 1, 4));
    }

    @Test
    void englishHeadersInAnyOrderWithExtraColumnsAndNoBomAreAccepted() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();
        String specs = " remark ,retail_price,code,name,brand_family,wholesale_price,key_brand,new_brand\r\n"
                + "anything," + "230,S01,玉溪(软),玉溪,220,true,0\r\n";

        ImportReport report = Samples.run(imports, ImportKind.SPECS,
                specs.replace("S01", p + "S01").getBytes(java.nio.charset.StandardCharsets.UTF_8), EncodingChoice.AUTO);

        assertThat(report.imported()).as(report.toText()).isTrue();
        assertThat(report.tables()).containsExactly(new TableCount("cigarette_spec", 1, 1, 0, 0));
        assertThat(jdbc.queryForObject("select price_class from cigarette_spec where code = ?", Integer.class,
                p + "S01")).isEqualTo(2);
    }

    @Test
    void gbkFileIsDetectedAndImported() {
        Samples samples = Samples.fresh();
        String p = samples.prefix();
        samples.importSample(imports, ImportKind.ORGANIZATION);

        ImportReport report = Samples.run(imports, ImportKind.CUSTOMERS, Samples.gbk(samples.text(ImportKind.CUSTOMERS)),
                EncodingChoice.AUTO);

        assertThat(report.imported()).as(report.toText()).isTrue();
        assertThat(report.encoding()).isEqualTo("GBK");
        assertThat(report.rowsRead()).isEqualTo(6);
        assertThat(jdbc.queryForObject("select name from retail_customer where licence_no = ?", String.class,
                p + "000000003")).isEqualTo("向阳食杂店");
    }

    @Test
    void gbkFileImportsWithExplicitEncodingToo() {
        Samples samples = Samples.fresh();

        ImportReport report = Samples.run(imports, ImportKind.SPECS, Samples.gbk(samples.text(ImportKind.SPECS)),
                EncodingChoice.GBK);

        assertThat(report.imported()).as(report.toText()).isTrue();
        assertThat(jdbc.queryForObject("select brand_family from cigarette_spec where code = ?", String.class,
                samples.prefix() + "S03")).isEqualTo("红塔山");
    }
}
