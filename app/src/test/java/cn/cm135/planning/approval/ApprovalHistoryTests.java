package cn.cm135.planning.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.cm135.TestOrganization;
import cn.cm135.planning.targets.TargetService;
import cn.cm135.planning.targets.TargetValues;
import cn.cm135.review.results.ResultService;
import cn.cm135.rules.Refusal;

/**
 * The one approval model, through two of its four records: every submission and decision is kept with who,
 * when and why, and the records refuse alike, naming themselves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApprovalHistoryTests {

    private static final YearMonth MONTH = YearMonth.of(2038, 3);

    @Autowired TargetService targets;
    @Autowired ResultService results;
    @Autowired Approvals approvals;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aTargetRejectedOnceThenApprovedKeepsFourStepsAndRefusesEditsOnceLocked() {
        TestOrganization org = new TestOrganization(jdbc, "APH");
        String mm = org.department("D1", "mm1", "审批甲");
        String cm = org.customerManager("D1", "cm1", "目标丙");
        TargetValues values = new TargetValues(900, new BigDecimal("160.00"), BigDecimal.ONE, 200);
        targets.prefill(cm, MONTH);
        targets.submit(cm, MONTH, values);
        assertThatThrownBy(() -> targets.reject(cm, MONTH, mm, " ")).isInstanceOf(Refusal.class)
                .hasMessage("驳回时必须填写驳回原因")
                .satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo("rejectionReason"));
        targets.reject(cm, MONTH, mm, " 销量偏低 ");
        targets.submit(cm, MONTH, values);
        targets.approve(cm, MONTH, mm);
        targets.lock(cm, MONTH);

        var history = approvals.history(new ApprovalSubject(ApprovalKind.TARGETS, cm, MONTH.toString()));
        assertThat(history).extracting(ApprovalDecision::decision, ApprovalDecision::decidedBy, ApprovalDecision::reason)
                .containsExactly(tuple(ApprovalStatus.SUBMITTED, cm, null), tuple(ApprovalStatus.REJECTED, mm, "销量偏低"),
                        tuple(ApprovalStatus.SUBMITTED, cm, null), tuple(ApprovalStatus.APPROVED, mm, null));
        assertThat(history).allSatisfy(d -> assertThat(d.decidedAt()).isNotNull());
        assertThatThrownBy(() -> targets.edit(cm, MONTH, values)).isInstanceOf(Refusal.class)
                .hasMessage(cm + " 的 2038-03 月目标已批准并已锁定，不能再修改")
                .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.LOCKED));
    }

    @Test
    void monthResultsShareTheModelAndItsHistory() {
        TestOrganization org = new TestOrganization(jdbc, "APR");
        String mm = org.department("D1", "mm1", "审核乙");
        String cm = org.customerManager("D1", "cm1", "结果丁");
        assertThatThrownBy(() -> results.approve(cm, MONTH, mm)).isInstanceOf(Refusal.class)
                .hasMessage(cm + " 的 2038-03 月工作结果状态为草稿，不能审核通过");
        results.submit(cm, MONTH);
        results.approve(cm, MONTH, mm);

        assertThat(approvals.history(new ApprovalSubject(ApprovalKind.MONTH_RESULTS, cm, MONTH.toString())))
                .extracting(ApprovalDecision::decision).containsExactly(ApprovalStatus.SUBMITTED, ApprovalStatus.APPROVED);
        assertThat(results.get(cm, MONTH).approval().status()).isEqualTo(ApprovalStatus.LOCKED);
        assertThatThrownBy(() -> results.requireOpen(cm, MONTH)).isInstanceOf(Refusal.class)
                .hasMessage(cm + " 的 2038-03 月工作结果已审核通过，确定后不能修改");
    }
}
