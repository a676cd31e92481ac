package cn.cm135.cycle;

import java.time.YearMonth;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.rules.Refusal;
import cn.cm135.web.Periods;

/** {@code POST /api/cycles/{yyyy-MM}}: start a month by hand (marketing centre and admin only). */
@RestController
@RequestMapping("/api/cycles")
@Tag(name = "月度循环", description = "手工启动某月的 135 工作法月度循环（每位在岗客户经理一个流程实例）："
        + "只有营销中心和系统管理员可以使用。")
class CycleController {

    private final CycleService cycles;

    CycleController(CycleService cycles) {
        this.cycles = cycles;
    }

    /**
     * Starts the month for everyone not yet in it. Safe to fire twice, from several nodes at once: the month's
     * key (customer manager, period) lets only one start through. The loser of a race is rolled back when the
     * winner commits; asking again then finds everyone already running, which is the answer it gets (200). Only
     * when that second look also collides (a third start in flight) is it told 409, never a crash.
     */
    @Operation(summary = "启动月度循环", description = "为该月尚未启动的每位在岗客户经理启动月度流程，没有市场经理的客户经理跳过，"
            + "返回本次启动的、此前已启动的和被跳过的客户经理，重复调用不会重复启动（同时发出的多个请求只有一个启动，其余返回“已启动”）。"
            + "只有营销中心和系统管理员可以启动。")
    @PostMapping("/{period}")
    CycleStartResult start(
            @Parameter(description = "要启动的月份 yyyy-MM", example = "2026-12") @PathVariable String period) {
        YearMonth month = Periods.parse(period);
        try {
            return cycles.startMonth(month);
        } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
            try {
                return cycles.startMonth(month);
            } catch (DuplicateKeyException | ConcurrencyFailureException again) {
                throw Refusal.locked(month + " 的月度循环正由另一个请求启动，本次未重复启动；请稍后刷新查看");
            }
        }
    }
}
