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

    @GetMapping("/ad-hoc-tasks")
    List<AdHocTask> adHocTasks(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return marks.adHocTasks(customerManagerId, Periods.parse(period));
    }

    @PutMapping("/ad-hoc-tasks")
    List<AdHocTask> replace(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody List<AdHocTaskInput> tasks, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        return marks.replace(customerManagerId, Periods.parse(period), tasks);
    }

    @PostMapping("/ad-hoc-tasks")
    @ResponseStatus(HttpStatus.CREATED)
    AdHocTask add(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody AdHocTaskInput task, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        return marks.add(customerManagerId, Periods.parse(period), task);
    }

    @DeleteMapping("/ad-hoc-tasks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String customerManagerId, @PathVariable String period, @PathVariable long id,
            Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        marks.remove(customerManagerId, Periods.parse(period), id);
    }

    @PostMapping("/strategies/{id}/done")
    Strategy markDone(@PathVariable String customerManagerId, @PathVariable String period, @PathVariable long id,
            @RequestBody Done body, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        return marks.markDone(customerManagerId, Periods.parse(period), id, body == null ? null : body.doneOn());
    }
}
