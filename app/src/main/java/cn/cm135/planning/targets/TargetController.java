package cn.cm135.planning.targets;

import java.math.BigDecimal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.organization.Groups;
import cn.cm135.organization.Organization;
import cn.cm135.web.ApiException;
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
    private final Organization organization;

    TargetController(TargetService targets, Organization organization) {
        this.targets = targets;
        this.organization = organization;
    }

    @GetMapping
    TargetView get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        boolean allowed = user.getName().equals(customerManagerId) || isMarketManagerOf(user, customerManagerId)
                || has(user, Groups.MARKETING_CENTRE) || has(user, Groups.ADMIN);
        if (!allowed) {
            throw ApiException.forbidden("只能查看本人或本团队客户经理的目标");
        }
        return TargetView.of(targets.get(customerManagerId, Periods.parse(period)));
    }

    @PutMapping
    TargetView edit(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody TargetValues values, Authentication user) {
        if (!user.getName().equals(customerManagerId)) {
            throw ApiException.forbidden("只有客户经理本人可以修改自己的目标");
        }
        return TargetView.of(targets.edit(customerManagerId, Periods.parse(period), values));
    }

    private boolean isMarketManagerOf(Authentication user, String customerManagerId) {
        return organization.customerManager(customerManagerId)
                .map(cm -> user.getName().equals(cm.marketManagerId())).orElse(false);
    }

    private static boolean has(Authentication user, String group) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(group));
    }

}
