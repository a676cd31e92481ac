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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.organization.StaffAccess;
import cn.cm135.rules.Refusal;

/**
 * {@code /api/visits/{customerManagerId}/{yyyy-MM-dd}}: the day's 日拜访记录表 with what was recorded (read: the
 * customer manager, their market manager, the centre); PUT records the day (the customer manager only;
 * replaces an earlier recording; 409 once the month's results are approved).
 */
@RestController
@RequestMapping("/api/visits/{customerManagerId}/{visitDate}")
@Tag(name = "日拜访记录", description = "客户经理某天的日拜访记录表及已记录的拜访、市场采集、市场异常和客户需求："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以记录，该月工作结果审核通过后不能修改。")
class VisitController {

    private static final String WHAT = "拜访记录";

    private final VisitRecordService visits;
    private final StaffAccess access;

    VisitController(VisitRecordService visits, StaffAccess access) {
        this.visits = visits;
        this.access = access;
    }

    @Operation(summary = "查看日拜访记录表", description = "返回该天应拜访的客户（按线路和许可证号排列，含档位、未完成的服务策略和"
            + "重点规格的商定总量）及已记录的内容；日期格式有误时返回 400，没有该客户经理时返回 404。"
            + "客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    VisitSheet get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "拜访日期 yyyy-MM-dd", example = "2026-12-08") @PathVariable String visitDate,
            Authentication user) {
        access.requireRead(user, customerManagerId, WHAT);
        return visits.sheet(customerManagerId, date(visitDate));
    }

    @Operation(summary = "记录日拜访", description = "记录该天的拜访、已完成的策略（★）、市场采集、市场异常、客户需求和拜访感受，"
            + "替换此前对该天的记录，全部生效或全部不生效，名单中未提交的客户记为未拜访；日期在将来或任一行有误时返回 400，"
            + "该月工作结果已审核通过时返回 409。只有客户经理本人可以记录。")
    @PutMapping
    VisitSheet record(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "拜访日期 yyyy-MM-dd", example = "2026-12-08") @PathVariable String visitDate,
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
