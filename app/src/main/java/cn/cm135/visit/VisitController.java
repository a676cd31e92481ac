package cn.cm135.visit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.organization.StaffAccess;
import cn.cm135.rules.Refusal;

/**
 * {@code /api/visits/{customerManagerId}/{yyyy-MM-dd}}: the day's 日拜访记录表 with what was recorded (read: the
 * customer manager, their market manager, the centre); PUT records the day (the customer manager only;
 * replaces an earlier recording; 409 once the month's results are approved).
 */
@RestController
@RequestMapping("/api/visits/{customerManagerId}/{visitDate}")
class VisitController {

    private static final String WHAT = "拜访记录";

    private final VisitRecordService visits;
    private final StaffAccess access;

    VisitController(VisitRecordService visits, StaffAccess access) {
        this.visits = visits;
        this.access = access;
    }

    @GetMapping
    VisitSheet get(@PathVariable String customerManagerId, @PathVariable String visitDate, Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return visits.sheet(customerManagerId, date(visitDate));
    }

    @PutMapping
    VisitSheet record(@PathVariable String customerManagerId, @PathVariable String visitDate,
            @RequestBody DayRecord day, Authentication user) {
        access.requireSelf(user, customerManagerId, WHAT);
        visits.record(customerManagerId, date(visitDate), day, user.getName());
        return visits.sheet(customerManagerId, date(visitDate));
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("visitDate", "拜访日期应为 yyyy-MM-dd，收到 " + text);
        }
    }
}
