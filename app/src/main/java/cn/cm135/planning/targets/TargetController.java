package cn.cm135.planning.targets;

import java.math.BigDecimal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.organization.StaffAccess;
import cn.cm135.web.Periods;

/**
 * {@code /api/targets/{customerManagerId}/{yyyy-MM}}: read a month's targets (the customer manager,
 * their market manager, the marketing centre) or edit a draft (the customer manager only).
 */
@RestController
@RequestMapping("/api/targets/{customerManagerId}/{period}")
class TargetController {

    record TargetView(String customerManagerId, String period, TargetStatus status, Integer volume,
            BigDecimal unitValue, BigDecimal keyBrandGrowth, Integer visits, TargetValues forecast,
            String rejectionReason, String decidedBy) {

        static TargetView of(MonthlyTarget t) {
            TargetValues v = t.values();
            return new TargetView(t.getCustomerManagerId(), t.getPeriod(), t.getStatus(), v.volume(), v.unitValue(),
                    v.keyBrandGrowth(), v.visits(), t.forecast(), t.getRejectionReason(), t.getDecidedBy());
        }
    }

    private final TargetService targets;
    private final StaffAccess access;

    TargetController(TargetService targets, StaffAccess access) {
        this.targets = targets;
        this.access = access;
    }

    @GetMapping
    TargetView get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, "目标");
        return TargetView.of(targets.get(customerManagerId, Periods.parse(period)));
    }

    @PutMapping
    TargetView edit(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody TargetValues values, Authentication user) {
        access.requireSelf(user, customerManagerId, "目标");
        return TargetView.of(targets.edit(customerManagerId, Periods.parse(period), values));
    }
}
