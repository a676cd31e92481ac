package cn.cm135.cycle;


import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.web.Periods;

/** {@code POST /api/cycles/{yyyy-MM}}: start a month by hand (marketing centre and admin only). */
@RestController
@RequestMapping("/api/cycles")
class CycleController {

    private final CycleService cycles;

    CycleController(CycleService cycles) {
        this.cycles = cycles;
    }

    @PostMapping("/{period}")
    CycleStartResult start(@PathVariable String period) {
        return cycles.startMonth(Periods.parse(period));
    }
}
