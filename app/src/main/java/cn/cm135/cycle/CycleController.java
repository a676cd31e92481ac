package cn.cm135.cycle;

import java.time.YearMonth;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.rules.Refusal;
import cn.cm135.web.Periods;

/** {@code POST /api/cycles/{yyyy-MM}}: start a month by hand (marketing centre and admin only). */
@RestController
@RequestMapping("/api/cycles")
class CycleController {

    private final CycleService cycles;

    CycleController(CycleService cycles) {
        this.cycles = cycles;
    }

    /**
     * Starts the month for everyone not yet in it. Safe to fire twice, from several nodes at once: the month's
     * key (customer manager, period) lets only one start through; a caller that loses the race gets 409, not a crash.
     */
    @PostMapping("/{period}")
    CycleStartResult start(@PathVariable String period) {
        YearMonth month = Periods.parse(period);
        try {
            return cycles.startMonth(month);
        } catch (DuplicateKeyException e) {
            throw Refusal.locked(month + " 的月度循环正由另一个请求启动，本次未重复启动；请稍后刷新查看");
        }
    }
}
