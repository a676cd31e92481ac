package cn.cm135.brand.targets;

import java.util.List;

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
 * {@code /api/brand-targets/{customerManagerId}/{yyyy-MM}}: a month's brand targets and target customers
 * with the suggested target customers (read: as the customer manager's tasks); replacing them (the
 * customer manager only, 409 once the month's brand analysis is confirmed).
 */
@RestController
@RequestMapping("/api/brand-targets/{customerManagerId}/{period}")
class BrandTargetController {

    record BrandTargetsView(List<BrandTarget> targets, List<SuggestedCustomer> suggestions) {
    }

    private final BrandTargetService targets;
    private final StaffAccess access;

    BrandTargetController(BrandTargetService targets, StaffAccess access) {
        this.targets = targets;
        this.access = access;
    }

    @GetMapping
    BrandTargetsView get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, "品牌目标");
        var month = Periods.parse(period);
        return new BrandTargetsView(targets.targets(customerManagerId, month),
                targets.suggestions(customerManagerId, month, BrandTargetsTaskListener.SUGGESTIONS));
    }

    @PutMapping
    List<BrandTarget> replace(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody List<BrandTarget> submitted, Authentication user) {
        access.requireSelf(user, customerManagerId, "品牌目标");
        var month = Periods.parse(period);
        targets.replace(customerManagerId, month, submitted);
        return targets.targets(customerManagerId, month);
    }
}
