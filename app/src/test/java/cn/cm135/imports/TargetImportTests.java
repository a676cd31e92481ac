package cn.cm135.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.TestOrganization;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.planning.targets.TargetService;
import cn.cm135.planning.targets.TargetValues;

/** Targets arrive by import as drafts; an approved month refuses, and then the whole file does. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TargetImportTests {

    private static final YearMonth MONTH = YearMonth.of(2026, 7);

    @Autowired ImportService imports;
    @Autowired TargetService targets;
    @Autowired JdbcTemplate jdbc;

    @Test
    void approvedTargetsRefuseAnImportAndNothingOfTheFileIsWritten() throws Exception {
        TestOrganization org = new TestOrganization(jdbc, "TIM");
        org.department("D1", "mm1", "目标经理");
        String open = org.customerManager("D1", "cm1", "目标甲");
        String approved = org.customerManager("D1", "cm2", "目标乙");
        targets.prefill(approved, MONTH);
        targets.submit(approved, MONTH, new TargetValues(900, new BigDecimal("160.00"), BigDecimal.ONE, 200));
        targets.approve(approved, MONTH, org.id("mm1"));

        String header = "客户经理工号,月份,目标销量,目标单条值,重点品牌增长率,拜访次数\n";
        ImportReport rejected = run(header + open + ",2026-07,1000,170.5,5,250\n" + approved + ",2026-07,1200,170,5,250\n");
        assertThat(rejected.imported()).isFalse();
        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("月份");
            assertThat(e.message()).contains("已批准", "不能再修改");
        });
        assertThat(jdbc.queryForObject("select count(*) from monthly_target where customer_manager_id = ?",
                Integer.class, open)).isZero();
        assertThat(targets.get(approved, MONTH).values().volume()).isEqualTo(900);

        ImportReport outOfRange = run(header + open + ",2026-07,1000,17,5,250\n");
        assertThat(outOfRange.errors()).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("目标单条值");
            assertThat(e.message()).contains("应在 30 到 1500 之间");
        });

        ImportReport ok = run(header + open + ",2026-07,1000,170.5,5,250\n");
        assertThat(ok.imported()).isTrue();
        assertThat(targets.get(open, MONTH).getStatus()).isEqualTo(ApprovalStatus.DRAFT);
        assertThat(targets.get(open, MONTH).values())
                .isEqualTo(new TargetValues(1000, new BigDecimal("170.50"), new BigDecimal("5.00"), 250));
    }

    private ImportReport run(String csv) throws Exception {
        return imports.importCsv(ImportKind.TARGETS, "targets.csv",
                new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), EncodingChoice.AUTO);
    }
}
