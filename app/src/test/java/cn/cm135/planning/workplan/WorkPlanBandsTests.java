package cn.cm135.planning.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.TestOrganization;
import cn.cm135.brand.targets.BrandTargetService;
import cn.cm135.customer.demand.DemandService;
import cn.cm135.planning.visits.VisitProperties;
import cn.cm135.planning.visits.VisitProperties.Band;

/**
 * The work plan's bands, counts, proposed visits and labels follow the configured grade rule
 * ({@code cm135.visits}): the application's rule and a changed one, the latter given to a composer built here
 * (a second Spring context with other properties would start a second engine on the shared database). Rolled
 * back, like the other tests that only read what they write.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Transactional
class WorkPlanBandsTests {

    private static final YearMonth MONTH = YearMonth.of(2034, 4);

    @Autowired JdbcTemplate jdbc;
    @Autowired NamedParameterJdbcTemplate namedJdbc;
    @Autowired DemandService demands;
    @Autowired BrandTargetService brandTargets;
    @Autowired WorkPlanComposer configured;
    @Autowired WorkPlanBands configuredBands;

    String cm;

    @BeforeEach
    void createData() {
        TestOrganization org = new TestOrganization(jdbc, "WPB");
        org.department("D1", "mm1", "钱分档");
        cm = org.customerManager("D1", "cm1", "孙分档");
        // No customer analysis for 2034-03: the grades are the customers' own.
        org.customer("cm1", "C1", 27, "ACTIVE");
        org.customer("cm1", "C2", 25, "ACTIVE");
        org.customer("cm1", "C3", 15, "ACTIVE");
        org.customer("cm1", "C4", 14, "ACTIVE");
        org.customer("cm1", "C5", null, "ACTIVE");
        org.customer("cm1", "C6", 30, "CLOSED");
    }

    @Test
    void theConfiguredRuleGivesTheBandsOfIndicatorsMd() {
        // 25–30 档: C1, C2 → 2 × 4 = 8; 15–24 档: C3 → 2; 1–14 档: C4 and the ungraded C5 → 1 + 1 = 2.
        WorkPlanDraft draft = configured.draft(cm, MONTH, null);
        assertThat(List.of(draft.customersTop(), draft.customersMiddle(), draft.customersBase())).containsExactly(2, 1, 2);
        assertThat(List.of(draft.values().visitsTop(), draft.values().visitsMiddle(), draft.values().visitsBase()))
                .containsExactly(8, 2, 2);
        assertThat(SetWorkPlanTaskListener.bandLabels(configuredBands)).containsEntry("bandTop", "25–30 档")
                .containsEntry("bandMiddle", "15–24 档").containsEntry("bandBase", "1–14 档");
    }

    @Test
    void aChangedRuleChangesTheBandsTheirVisitsAndTheirLabels() {
        // 档位 26–30 → 5, 14–25 → 3, 1–13 → 1, no grade → 0:
        // 26–30 档: C1 (27) → 5; 14–25 档: C2 (25), C3 (15), C4 (14, the new edge) → 3 × 3 = 9;
        // 1–13 档: the ungraded C5 alone → 0 visits.
        WorkPlanBands changed = new WorkPlanBands(new VisitProperties(
                List.of(new Band(26, 5), new Band(14, 3), new Band(1, 1)), 0, 1, 31, 40));
        WorkPlanDraft draft = new WorkPlanComposer(namedJdbc, demands, brandTargets, changed).draft(cm, MONTH, null);
        assertThat(List.of(draft.customersTop(), draft.customersMiddle(), draft.customersBase())).containsExactly(1, 3, 1);
        assertThat(List.of(draft.values().visitsTop(), draft.values().visitsMiddle(), draft.values().visitsBase()))
                .containsExactly(5, 9, 0);
        assertThat(SetWorkPlanTaskListener.bandLabels(changed)).containsEntry("bandTop", "26–30 档")
                .containsEntry("bandMiddle", "14–25 档").containsEntry("bandBase", "1–13 档");
        assertThat(WorkPlanService.visitsLabel(changed, WorkPlanBands.MIDDLE)).isEqualTo("14–25 档计划拜访次数");
    }

    @Test
    void theFormsShowTheBandLabelsTheListenersCompute() throws java.io.IOException {
        for (String form : List.of("forms/set-work-plan.form", "forms/approve-work-plan.form")) {
            String json = new String(new org.springframework.core.io.ClassPathResource(form).getInputStream()
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).as(form).contains("{{bandTop}}", "{{bandMiddle}}", "{{bandBase}}")
                    .doesNotContain("25–30", "15–24", "1–14");
        }
    }

    @Test
    void aRuleOfOtherThanThreeBandsDoesNotFitThePlan() {
        assertThatThrownBy(() -> new WorkPlanBands(new VisitProperties(List.of(new Band(15, 2), new Band(1, 1)), 1, 1,
                31, 40))).hasMessageContaining("three grade bands");
    }
}
