package cn.cm135.cycle;

import java.time.YearMonth;

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
     * key (customer manager, period) lets only one start through; a caller that loses the race gets 409, not a crash.
     */
    @Operation(summary = "启动月度循环", description = "为该月尚未启动的每位在岗客户经理启动月度流程，没有市场经理的客户经理跳过，"
            + "返回本次启动的、此前已启动的和被跳过的客户经理，重复调用不会重复启动；同一月份正由另一个请求启动时返回 409。"
            + "只有营销中心和系统管理员可以启动。")
    @PostMapping("/{period}")
    CycleStartResult start(
            @Parameter(description = "要启动的月份 yyyy-MM", example = "2026-12") @PathVariable String period) {
        YearMonth month = Periods.parse(period);
        try {
            return cycles.startMonth(month);
        } catch (DuplicateKeyException e) {
            throw Refusal.locked(month + " 的月度循环正由另一个请求启动，本次未重复启动；请稍后刷新查看");
        }
    }
}
