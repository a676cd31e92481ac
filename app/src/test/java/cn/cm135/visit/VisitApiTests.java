package cn.cm135.visit;

import static cn.cm135.visit.VisitFixture.MONTH;
import static cn.cm135.visit.VisitFixture.morningOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.organization.CamundaIdentitySync;
import cn.cm135.organization.InitialPasswords;
import cn.cm135.planning.week.RouteDay;
import cn.cm135.planning.week.WeekArrangementService;

/**
 * {@code /api/visits/…}, {@code /api/weeks/…} and the printable 日拜访记录表 (HTML and PDF) through real HTTP with
 * real users: the customer manager reads and records their own, their market manager and the centre read,
 * another customer manager or market manager gets 403.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class VisitApiTests {

    static final LocalDate MONDAY = LocalDate.of(2035, 8, 6);

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CamundaIdentitySync identitySync;
    @Autowired WeekArrangementService weeks;

    VisitFixture f;
    String api;
    String sheet;

    @BeforeAll
    void createTeam() {
        f = new VisitFixture(jdbc, "VKA");
        identitySync.syncAll(InitialPasswords.USER_ID);
        api = "/api/visits/" + f.cm1 + "/" + MONDAY;
        sheet = "/reports/visit-sheet/" + f.cm1 + "/" + MONDAY;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCustomerManagerArrangesAndRecordsTheTeamReadsOthersAreRefused() {
        ClockUtil.setCurrentTime(morningOf(MONDAY));
        String week = "/api/weeks/" + f.cm1 + "/" + MONTH + "/" + MONDAY;
        Map<String, Object> arrangement = Map.of("marketFocus", "新开店", "brandFocus", "K1 上柜",
                "routeDays", List.of(Map.of("routeCode", f.routeR(), "visitDate", "2035-08-06")));
        assertThat(call(f.mm1, HttpMethod.PUT, week, arrangement).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> arranged = call(f.cm1, HttpMethod.PUT, week, arrangement);
        assertThat(arranged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(arranged.getBody()).containsEntry("status", "ARRANGED");
        ResponseEntity<Map> badWeek = call(f.cm1, HttpMethod.PUT, week, Map.of("marketFocus", "", "brandFocus", "x"));
        assertThat(badWeek.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badWeek.getBody()).containsEntry("message", "请填写本周市场收集重点");

        for (String reader : List.of(f.cm1, f.mm1, f.centre)) {
            ResponseEntity<Map> seen = as(reader).getForEntity(api, Map.class);
            assertThat(seen.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            assertThat((List<Map<String, Object>>) seen.getBody().get("customers")).extracting(c -> c.get("licenceNo"))
                    .containsExactly("VKAA1", "VKAA2", "VKAA4");
        }
        for (String stranger : List.of(f.cm2, f.mm2)) {
            ResponseEntity<Map> refused = as(stranger).getForEntity(api, Map.class);
            assertThat(refused.getStatusCode()).as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).containsEntry("message", "只能查看本人或本团队客户经理的拜访记录");
            assertThat(as(stranger).getForEntity(sheet, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(stranger).getForEntity(sheet + ".pdf", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rest.withBasicAuth("nobody-vka", "x").getForEntity(api, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        Map<String, Object> day = Map.of("visits", List.of(Map.of("customerId", f.a1, "visited", true, "effect", "较好")),
                "observations", List.of(Map.of("customerId", f.a1, "specCode", f.org.code("K1"), "inventory", 4,
                        "retailPrice", 225, "onShelf", true)),
                "strategiesDone", List.of(f.s1), "feelings", "顺利");
        assertThat(call(f.mm1, HttpMethod.PUT, api, day).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> bad = call(f.cm1, HttpMethod.PUT, api, Map.of("visits",
                List.of(Map.of("customerId", f.a1, "visited", true, "effect", "棒"))));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).containsEntry("field", "effect");
        ResponseEntity<Map> recorded = call(f.cm1, HttpMethod.PUT, api, day);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> what = (Map<String, Object>) recorded.getBody().get("recorded");
        assertThat(what).containsEntry("status", "RECORDED").containsEntry("feelings", "顺利");
        // A1 visited; A2 and A4 listed, not submitted: not visited.
        assertThat((List<Map<String, Object>>) what.get("visits")).extracting(v -> v.get("licenceNo") + ":" + v.get("visited"))
                .containsExactly("VKAA1:true", "VKAA2:false", "VKAA4:false");
        assertThat((List<Number>) what.get("strategiesDone")).extracting(Number::longValue).containsExactly(f.s1);

        jdbc.update("insert into month_result (customer_manager_id, period, status) values (?, ?, 'LOCKED')", f.cm1,
                MONTH.toString());
        assertThat(call(f.cm1, HttpMethod.PUT, api, day).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        jdbc.update("delete from month_result where customer_manager_id = ?", f.cm1);
    }

    @Test
    void theSheetPrintsTheDaysCustomersAndItsPdfCarriesTheChineseText() throws Exception {
        ClockUtil.setCurrentTime(morningOf(LocalDate.of(2035, 8, 13)));
        weeks.arrange(f.cm1, MONTH, LocalDate.of(2035, 8, 13), "市场重点", "品牌重点",
                List.of(new RouteDay(f.routeT(), LocalDate.of(2035, 8, 14))), f.cm1);
        String page = "/reports/visit-sheet/" + f.cm1 + "/2035-08-14";

        ResponseEntity<String> html = as(f.mm1).getForEntity(page, String.class);
        assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
        Document doc = Jsoup.parse(html.getBody());
        assertThat(doc.select("h1").text()).isEqualTo("日拜访记录表");
        // Route T moved to Tuesday the 14th: B1 (f = 2, Wednesdays before: 1st and 8th, i = 2, done 0) is due.
        assertThat(doc.select("table.sheet > tbody > tr")).hasSize(1);
        assertThat(doc.select("table.sheet > tbody > tr").text()).contains("零售户B1（VKAB1）", "幸福路 8 号",
                "线路 VKAT-cm1", "档位 15", "□ 重点帮扶（客户） — 协助整理货架", "走访烟(硬)");
        assertThat(doc.select("table.sheet a").attr("href")).isEqualTo("/reports/sales-ledger/2035-08?customer=" + f.b1);
        assertThat(doc.select("table.sheet thead th").eachText()).containsExactly("序号", "客户（许可证号）",
                "地址 / 线路 / 档位", "未完成策略（完成打 √）", "重点规格：商定总量 / 库存 / 零售价 / 上柜", "拜访情况");
        assertThat(doc.select(".focus").text()).contains("本周市场收集重点：市场重点", "本周品牌培育重点：品牌重点");

        ResponseEntity<byte[]> pdf = as(f.cm1).getForEntity(page + ".pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            // Every key spec of the test database is a row to fill, so the sheet may run over several pages, each
            // with the page footer and the table's header repeated.
            int pages = document.getNumberOfPages();
            assertThat(text).contains("日拜访记录表", "零售户B1", "幸福路 8 号", "协助整理货架", "周走访",
                    "第 1 页 / 共 " + pages + " 页", "第 " + pages + " 页 / 共 " + pages + " 页");
            assertThat(text.split("日拜访记录表（客户经理填写）", -1)).hasSize(pages + 1);
            assertThat(text).contains("□是 □否");
            // A page carries the table when it holds a spec row (its 上柜 boxes); the rows after the table (focus,
            // signature) may run onto a last page of their own, which has no header to repeat.
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper onePage = new PDFTextStripper();
                onePage.setStartPage(p);
                onePage.setEndPage(p);
                String pageText = onePage.getText(document);
                if (pageText.contains("□是 □否")) {
                    assertThat(pageText).as("the header on page %d, which carries the table", p).contains("序号 客户（许可证号）");
                }
            }
            // One font, not embedded: the standard STSong-Light, which the reader supplies.
            var resources = document.getPage(pages - 1).getResources();
            List<String> fonts = new java.util.ArrayList<>();
            for (var name : resources.getFontNames()) {
                var font = resources.getFont(name);
                fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
            }
            assertThat(fonts).containsOnly("STSong-Light-UniGB-UCS2-H");
        }
    }

    private ResponseEntity<Map> call(String user, HttpMethod method, String path, Object body) {
        return as(user).exchange(path, method, new HttpEntity<>(body), Map.class);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }
}
