package cn.cm135.visit.marks;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.organization.StaffAccess;
import cn.cm135.planning.strategy.Strategy;
import cn.cm135.review.results.AdHocTask;
import cn.cm135.web.Periods;

/**
 * The marks of a month's results (step 14), beside {@code /api/results/{customerManagerId}/{yyyy-MM}}:
 * {@code PUT …/ad-hoc-tasks} replaces the ● list, {@code POST …/ad-hoc-tasks} adds one, {@code DELETE
 * …/ad-hoc-tasks/{id}} removes one, {@code POST …/strategies/{id}/done} marks a strategy ★. Only the customer
 * manager changes their own marks; 409 once the results are submitted or approved.
 */
@RestController
@RequestMapping("/api/results/{customerManagerId}/{period}")
@Tag(name = "任务执行标注", description = "客户经理某月的任务执行标注：★ 标注已完成的服务策略，● 记录计划外的临时性任务；"
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以修改，工作结果提交后及审核通过后不能修改。")
class MarkController {

    static final String WHAT = "任务执行标注";

    record Done(LocalDate doneOn) {
    }

    private final MarkService marks;
    private final StaffAccess access;

    MarkController(MarkService marks, StaffAccess access) {
        this.marks = marks;
        this.access = access;
    }

    @Operation(summary = "查看临时性任务", description = "按完成日期返回该月记录的临时性任务（●）。"
            + "客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping("/ad-hoc-tasks")
    List<AdHocTask> adHocTasks(
            @Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return marks.adHocTasks(customerManagerId, Periods.parse(period));
    }

    @Operation(summary = "替换临时性任务", description = "以提交的列表整体替换该月的临时性任务，先检查全部行：任务内容缺失或过长、"
            + "完成日期不在该月内或晚于今天、客户不是本人的客户时返回 400；工作结果已提交或已审核通过时返回 409。"
            + "只有客户经理本人可以修改。")
    @PutMapping("/ad-hoc-tasks")
    List<AdHocTask> replace(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody List<AdHocTaskInput> tasks, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        return marks.replace(customerManagerId, Periods.parse(period), tasks);
    }

    @Operation(summary = "新增临时性任务", description = "新增一条临时性任务并返回 201；输入有误时返回 400，"
            + "工作结果已提交或已审核通过时返回 409。只有客户经理本人可以新增。")
    @PostMapping("/ad-hoc-tasks")
    @ResponseStatus(HttpStatus.CREATED)
    AdHocTask add(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @RequestBody AdHocTaskInput task, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        return marks.add(customerManagerId, Periods.parse(period), task);
    }

    @Operation(summary = "删除临时性任务", description = "删除该月的一条临时性任务并返回 204；该月没有此编号的任务时返回 404，"
            + "工作结果已提交或已审核通过时返回 409。只有客户经理本人可以删除。")
    @DeleteMapping("/ad-hoc-tasks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @Parameter(description = "临时性任务编号", example = "1") @PathVariable long id,
            Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        marks.remove(customerManagerId, Periods.parse(period), id);
    }

    @Operation(summary = "标注策略已完成", description = "把已审核通过的服务策略计划中的一条策略标注为已完成（★），完成日期必填，"
            + "须在该月内且不晚于今天，否则返回 400，策略已删除时也返回 400；策略不存在时返回 404，服务策略计划尚未审核通过、"
            + "工作结果已提交或已审核通过时返回 409。只有客户经理本人可以标注。")
    @PostMapping("/strategies/{id}/done")
    Strategy markDone(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM", example = "2026-12") @PathVariable String period,
            @Parameter(description = "策略编号", example = "1") @PathVariable long id,
            @RequestBody Done body, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        return marks.markDone(customerManagerId, Periods.parse(period), id, body == null ? null : body.doneOn());
    }
}
