package cn.cm135.cycle;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.web.ApiException;

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
        return cycles.startMonth(parse(period));
    }

    static YearMonth parse(String period) {
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("period", "月份格式应为 yyyy-MM（例如 2026-11），收到 " + period);
        }
    }
}
