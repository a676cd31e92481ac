package cn.cm135.planning.week;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.organization.StaffAccess;
import cn.cm135.rules.Refusal;
import cn.cm135.web.Periods;

/**
 * {@code /api/weeks/{customerManagerId}/{yyyy-MM}/{weekStart}}: a week's arrangement or proposal with each
 * day's customers (read: the customer manager, their market manager, the centre); PUT arranges it (the
 * customer manager only).
 */
@RestController
@RequestMapping("/api/weeks/{customerManagerId}/{period}/{weekStart}")
class WeekController {

    /** 周工作安排 as submitted: the two focus texts and every route's day. */
    record Arrangement(String marketFocus, String brandFocus, List<RouteDay> routeDays) {
    }

    private static final String WHAT = "周工作安排";

    private final WeekArrangementService weeks;
    private final StaffAccess access;

    WeekController(WeekArrangementService weeks, StaffAccess access) {
        this.weeks = weeks;
        this.access = access;
    }

    @GetMapping
    WeekProposal get(@PathVariable String customerManagerId, @PathVariable String period,
            @PathVariable String weekStart, Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return weeks.proposal(customerManagerId, Periods.parse(period), date(weekStart));
    }

    @PutMapping
    WeekProposal arrange(@PathVariable String customerManagerId, @PathVariable String period,
            @PathVariable String weekStart, @RequestBody Arrangement arrangement, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        var month = Periods.parse(period);
        weeks.arrange(customerManagerId, month, date(weekStart), arrangement.marketFocus(), arrangement.brandFocus(),
                arrangement.routeDays(), user.getName());
        return weeks.proposal(customerManagerId, month, date(weekStart));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("weekStart", "周起始日应为 yyyy-MM-dd，收到 " + text);
        }
    }
}
