package cn.cm135.report;

import static cn.cm135.report.ReportFixture.MONTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;

/**
 * What the report pages and CSV files show, cell by cell, for the hand-written rows of {@link ReportFixture},
 * fetched over HTTP as the customer manager cm1 (HTTP Basic). Who may see what is {@link ReportAccessTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTests {

    static final String BUSINESS_EFFECT_HEADER = "许可证号,客户名称,片区,业态,市场类型,销量（条）,销售额（元）,单条值（元/条）,"
            + "上月销量（条）,环比增长,去年同月销量（条）,同比增长,订货天数,订购规格数,重点品牌销量（条）,重点品牌占比,零售毛利估算（元）,"
            + "同业平均环比,预警";

    @Autowired cn.cm135.customer.analysis.SalesRollup rollup;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;

    ReportFixture f;

    @BeforeAll
    void fixture() {
        f = new ReportFixture(jdbc, "RPG");
        identitySync.syncAll(InitialPasswords.USER_ID);
    }

    @Test
    void businessEffectPageShowsTheCustomerManagersRowsWithFormattedNumbers() {
        ResponseEntity<String> page = get(f.cm1, "/reports/business-effect/" + MONTH);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document html = Jsoup.parse(page.getBody());
        assertThat(html.select("h1").text()).isEqualTo("经营效果明细");
        assertThat(html.select(".scope").text()).isEqualTo("片区：周一片区　客户经理：周一　月份：2031-03");
        assertThat(html.select(".generated").text()).matches("生成时间：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(headers(html, 0)).isEqualTo(Arrays.asList(BUSINESS_EFFECT_HEADER.split(",")));
        assertThat(rows(html, 0)).isEqualTo(f.businessEffectOfCm1());
        // Numbers are right-aligned, the warning stands out, the customer links to its 动销台账.
        Element rowA = html.select("table.report tbody tr").get(0);
        assertThat(rowA.select("td").get(5).hasClass("num")).isTrue();
        assertThat(html.select("table.report tbody tr").get(1).select("td").get(18).hasClass("flag")).isTrue();
        assertThat(rowA.select("td").get(1).select("a").attr("href"))
                .isEqualTo("../sales-ledger/2031-03?customer=" + f.a);
        assertThat(html.select(".toolbar a").eachAttr("href")).startsWith("2031-03.xlsx", "2031-03.csv");
    }

    @Test
    void csvStartsWithTheBomAndHoldsExactlyTheRowsOfThePage() throws IOException {
        ResponseEntity<byte[]> csv = rest.withBasicAuth(f.cm1, f.cm1)
                .getForEntity("/reports/business-effect/" + MONTH + ".csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        // 经营效果明细-2031-03-rpgcm1.csv as RFC 5987, with an ASCII fallback.
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo(
                "attachment; filename=\"business-effect-2031-03.csv\"; filename*=UTF-8''"
                        + "%E7%BB%8F%E8%90%A5%E6%95%88%E6%9E%9C%E6%98%8E%E7%BB%86-2031-03-rpgcm1.csv");
        byte[] body = csv.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = parse(body);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).toList()).isEqualTo(Arrays.asList(BUSINESS_EFFECT_HEADER.split(",")));
        assertThat(records.subList(1, 3).stream().map(CSVRecord::toList).toList()).isEqualTo(f.businessEffectOfCm1());
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\r\n");

        // ?format=csv is the same file.
        assertThat(rest.withBasicAuth(f.cm1, f.cm1).getForEntity("/reports/business-effect/" + MONTH + "?format=csv",
                byte[].class).getBody()).isEqualTo(body);
    }

    @Test
    void excelHoldsThePageAsNumbersUnderAFrozenChineseHeader() throws IOException {
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth(f.cm1, f.cm1)
                .getForEntity("/reports/business-effect/" + MONTH + ".xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).endsWith("-2031-03-rpgcm1.xlsx");
        try (org.apache.poi.ss.usermodel.Workbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("header row frozen").isEqualTo((short) 1);
            org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
            List<List<String>> rows = new java.util.ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> texts = new java.util.ArrayList<>();
                row.forEach(cell -> texts.add(shown.formatCellValue(cell)));
                rows.add(texts);
            }
            assertThat(rows.get(0)).isEqualTo(Arrays.asList(BUSINESS_EFFECT_HEADER.split(",")));
            assertThat(rows.subList(1, rows.size())).as("shown as on the page").isEqualTo(f.businessEffectOfCm1());
            // Numbers are numbers: 销量 of the first customer, and its 环比 as the fraction behind "+x.x%".
            org.apache.poi.ss.usermodel.Row first = sheet.getRow(1);
            assertThat(first.getCell(5).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(Double.parseDouble(f.businessEffectOfCm1().get(0).get(5)));
            assertThat(first.getCell(0).getCellType()).as("licence numbers stay text")
                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        }
    }

    @Test
    void chartsCarryTheMonthsAndValuesOfTheirSources() throws IOException {
        // Brand: 铺货率 1 of 2 active customers, 重购率 2 of 3 last month's buyers, 上柜率 no observation.
        JsonNode brand = charts(get(f.cm1, "/reports/brand-status/" + MONTH)).get(0);
        assertThat(brand.get("title").asText()).isEqualTo("测试烟一（" + f.org.code("S1") + "）");
        assertThat(brand.get("subtitle").asText()).isEqualTo("2031-03 生命周期：成熟期");
        assertThat(brand.get("months")).hasSize(12);
        assertThat(brand.at("/months/0").asText()).isEqualTo("2030-04");
        assertThat(brand.at("/months/11").asText()).isEqualTo("2031-03");
        assertThat(brand.at("/series/0/name").asText()).isEqualTo("铺货率");
        assertThat(brand.at("/series/0/values/11").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(brand.at("/series/0/values/10").isNull()).as("a month not analysed is a gap").isTrue();
        assertThat(brand.at("/series/1/values/11").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(brand.at("/series/2/values/11").isNull()).as("上柜率 without observations").isTrue();

        JsonNode market = charts(get(f.cm1, "/reports/market-analysis/" + MONTH));
        assertThat(market.at("/0/series/0/name").asText()).isEqualTo(f.org.code("A-cm1"));
        assertThat(market.at("/0/series/0/values/11").decimalValue()).isEqualByComparingTo("0.2881");
        assertThat(market.at("/1/series/0/values/11").decimalValue()).isEqualByComparingTo("0.9876");

        // A bought 30 条 for 6000.00 and 10 for 1000.00 in March: 40 条, 7000 ÷ 40 = 175.00 元/条; February had no sales.
        rollup.ensure(MONTH.minusMonths(12), MONTH);
        JsonNode ledger = charts(get(f.cm1, "/reports/sales-ledger/" + MONTH + "?customer=" + f.a)).get(0);
        assertThat(ledger.at("/months/12").asText()).isEqualTo("2031-03");
        assertThat(ledger.at("/series/0/values/12").decimalValue()).isEqualByComparingTo("40");
        assertThat(ledger.at("/series/1/values/12").decimalValue()).isEqualByComparingTo("175.00");
        assertThat(ledger.at("/series/0/values/11").decimalValue()).isEqualByComparingTo("0");
        assertThat(ledger.at("/series/1/values/11").isNull()).as("no 单条值 without sales").isTrue();
        JsonNode effect = charts(get(f.cm1, "/reports/business-effect/" + MONTH)).get(0);
        assertThat(effect.at("/series/0/values/12").decimalValue()).as("cm1's customers: only A ordered")
                .isEqualByComparingTo("40");
    }

    /** The charts a page hands to static/reports/charts.js. */
    private static JsonNode charts(ResponseEntity<String> page) throws IOException {
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document html = Jsoup.parse(page.getBody());
        assertThat(html.select("script[src$=echarts.min.js]")).as("ECharts from the webjar").hasSize(1);
        Matcher m = Pattern.compile("window\\.cm135Charts = (.*?);\\s*$", Pattern.DOTALL | Pattern.MULTILINE)
                .matcher(html.select("script:not([src])").html());
        assertThat(m.find()).isTrue();
        JsonNode charts = new ObjectMapper().readTree(m.group(1));
        assertThat(html.select(".chart[data-chart]")).hasSize(charts.size());
        return charts;
    }

    @Test
    void theIndexLinksEveryReportForSixMonths() {
        Document html = Jsoup.parse(get(f.cm1, "/reports?month=" + MONTH).getBody());
        assertThat(html.select("table.index thead th").eachText()).containsExactly("报表", "2030-10", "2030-11", "2030-12",
                "2031-01", "2031-02", "2031-03");
        Element effect = html.select("table.index tbody tr").stream()
                .filter(row -> row.select("td").first().text().equals("经营效果明细")).findFirst().orElseThrow();
        assertThat(effect.select("a").eachAttr("href")).hasSize(6).endsWith("reports/business-effect/2031-03");
    }

    @Test
    void capabilityScoreShowsEveryItemWithItsWeight() {
        Document html = Jsoup.parse(get(f.cm1, "/reports/capability-score/" + MONTH).getBody());
        assertThat(headers(html, 0)).containsExactly("许可证号", "客户名称", "片区", "近三月月均销量（条）", "销量同业百分位",
                "销量规模得分（满分 30）", "近三月单条值（元/条）", "单条值同业百分位", "单条值得分（满分 20）", "近13周有订货周数",
                "订货规律得分（满分 15）", "近三月订购规格数", "品牌宽度得分（满分 15）", "近三月同比增长", "成长得分（满分 10）",
                "库存周数", "库存健康得分（满分 10）", "总分", "档次", "档位");
        assertThat(rows(html, 0).get(0)).isEqualTo(f.capabilityOfA());
        assertThat(html.select(".notes").text()).contains("优 ≥ 85 分，良 ≥ 70 分，中 ≥ 55 分");
    }

    @Test
    void areaStatisticsOfATeamEndsWithItsTotal() {
        Document html = Jsoup.parse(get(f.mm1, "/reports/area-statistics/" + MONTH).getBody());
        assertThat(html.select(".scope").text())
                .isEqualTo("市场部：钱经理市场部　市场经理：钱经理　客户经理：周一、吴二（2 人）　月份：2031-03");
        assertThat(headers(html, 0)).containsExactly("片区", "客户经理", "客户数", "25–30档", "15–24档", "1–14档", "优",
                "良", "中", "差", "预警户数", "销量（条）", "销量环比", "销售额（元）", "单条值（元/条）", "平均能力得分");
        assertThat(rows(html, 0)).isEqualTo(f.areaStatisticsOfTeam1());
        assertThat(html.select("tr.total td").first().text()).isEqualTo("合计");
    }

    @Test
    void brandStatusShowsRatesAndTheAreasConclusions() {
        Document html = Jsoup.parse(get(f.cm1, "/reports/brand-status/" + MONTH).getBody());
        assertThat(rows(html, 0)).containsExactly(f.brandRowOfCm1());
        assertThat(html.select(".notes p").first().text()).isEqualTo("周一片区 分析结论（已确定）：重点培育S1");
    }

    @Test
    void marketAnalysisHasItsFourTablesOnThePageAndInTheCsv() throws IOException {
        Document html = Jsoup.parse(get(f.cm1, "/reports/market-analysis/" + MONTH).getBody());
        assertThat(html.select("h2").eachText()).containsExactly("片区市场指标", "价类结构（销量占比）",
                "实际零售价偏离指导价超过 10% 的规格", "市场异常（次数）");
        for (int table = 0; table < 4; table++) {
            assertThat(rows(html, table)).isEqualTo(f.marketOfCm1().get(table));
        }
        assertThat(html.select(".notes p").first().text()).isEqualTo("周一片区 分析结论（未确定）：尚未填写");

        List<CSVRecord> csv = parse(rest.withBasicAuth(f.cm1, f.cm1)
                .getForEntity("/reports/market-analysis/" + MONTH + ".csv", byte[].class).getBody());
        assertThat(csv.stream().map(r -> r.get(0)).toList()).containsExactly("片区市场指标", "片区", "周一片区", "",
                "价类结构（销量占比）", "片区", "周一片区", "", "实际零售价偏离指导价超过 10% 的规格", "片区", "周一片区", "",
                "市场异常（次数）", "片区", "周一片区");
    }

    @Test
    void salesLedgerOfOneCustomerWithItsTotal() throws IOException {
        Document html = Jsoup.parse(get(f.cm1, "/reports/sales-ledger/" + MONTH + "?customer=" + f.a).getBody());
        assertThat(html.select(".scope").text())
                .isEqualTo("零售户：零售户A（许可证号 RPGA）　片区：周一片区　客户经理：周一　月份：2031-03");
        assertThat(rows(html, 0)).isEqualTo(f.ledgerOfA());

        List<CSVRecord> csv = parse(rest.withBasicAuth(f.cm1, f.cm1).getForEntity(
                "/reports/sales-ledger/" + MONTH + ".csv?customer=" + f.a, byte[].class).getBody());
        assertThat(csv).hasSize(4);
        assertThat(csv.get(3).toList()).isEqualTo(f.ledgerOfA().get(2));
    }

    @Test
    void ledgerTotalsAreUndefinedWhenNoSpecWasCountedAtBothEnds() {
        // February: S1 counted 10 on 02-20 (closing only), nothing bought, no price seen → guide 220 − 200.
        Document html = Jsoup.parse(get(f.cm1, "/reports/sales-ledger/2031-02?customer=" + f.a).getBody());
        assertThat(rows(html, 0)).containsExactly(
                List.of(f.org.code("S1"), "测试烟一", "—", "", "0", "0.00", "10", "2031-02-20", "—", "220.00", "指导价",
                        "200.00", "20.00", "—"),
                List.of("合计", "", "", "", "0", "0.00", "", "", "—", "", "", "", "", "—"));
    }

    @Test
    void aMonthWithoutResultsSaysSo() {
        Document html = Jsoup.parse(get(f.cm1, "/reports/business-effect/2031-05").getBody());
        assertThat(html.select("table.report")).isEmpty();
        assertThat(html.select(".empty").text()).startsWith("本月没有数据");
    }

    @Test
    void indexListsTheReportsOfTheMonth() {
        Document html = Jsoup.parse(get(f.cm1, "/reports?month=" + MONTH).getBody());
        assertThat(html.select("table.index tbody td:last-child a").eachAttr("href")).containsExactlyInAnyOrder(
                "reports/area-statistics/2031-03", "reports/brand-status/2031-03", "reports/business-effect/2031-03",
                "reports/capability-score/2031-03", "reports/demand-survey/2031-03", "reports/market-analysis/2031-03",
                "reports/month-summary/2031-03", "reports/overdue/2031-03", "reports/week-summary/2031-03");
    }

    /** The links the analysis forms show (form-js fills in the task's variables) open their reports. */
    @Test
    void everyReportLinkOfTheAnalysisFormsOpensItsReport() throws IOException {
        Map<String, List<String>> expected = Map.of(
                "review-customer-analysis", List.of("经营效果明细", "经营能力打分明细", "片区统计"),
                "confirm-brand-analysis", List.of("月度品牌状态分析"),
                "confirm-market-analysis", List.of("市场分析"));
        for (var form : expected.entrySet()) {
            JsonNode schema = new ObjectMapper().readTree(new ClassPathResource("forms/" + form.getKey() + ".form")
                    .getContentAsString(StandardCharsets.UTF_8));
            StringBuilder texts = new StringBuilder();
            schema.get("components").forEach(c -> texts.append(c.path("text").asText()));
            Matcher link = Pattern.compile("href=\"([^\"]+)\"").matcher(texts);
            List<String> titles = new ArrayList<>();
            while (link.find()) {
                String url = link.group(1).replace("{{analysedMonth}}", MONTH.toString())
                        .replace("{{customerManagerId}}", f.cm1);
                ResponseEntity<String> page = get(f.cm1, url);
                assertThat(page.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
                titles.add(Jsoup.parse(page.getBody()).select("h1").text());
            }
            assertThat(titles).as(form.getKey()).isEqualTo(form.getValue());
        }
    }

    private ResponseEntity<String> get(String user, String url) {
        return rest.withBasicAuth(user, user).getForEntity(url, String.class);
    }

    static List<String> headers(Document html, int table) {
        return html.select("table.report").get(table).select("thead th").eachText();
    }

    /** The body rows of a table (the total row too), each cell's text. */
    static List<List<String>> rows(Document html, int table) {
        return html.select("table.report").get(table).select("tbody tr").stream()
                .map(tr -> tr.select("td").stream().map(Element::text).toList()).toList();
    }

    static List<CSVRecord> parse(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    }
}
