package cn.cm135.customer.demand;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cm135.organization.StaffAccess;
import cn.cm135.web.Periods;

/**
 * {@code /api/demands/{customerManagerId}/{yyyy-MM}}: the needs a customer manager's customers expressed in
 * a month and their 客户需求调查统计表 (read: as the customer manager's tasks), recording and confirming
 * them (the customer manager only).
 */
@RestController
@RequestMapping("/api/demands/{customerManagerId}/{period}")
class DemandController {

    record DemandsView(DemandSurvey survey, List<CustomerDemand> needs) {
    }

    /** Confirm the listed needs, or every unconfirmed one with {@code all = true}. */
    record Confirmation(List<Long> demandIds, Boolean all) {
    }

    private final DemandService demands;
    private final StaffAccess access;

    DemandController(DemandService demands, StaffAccess access) {
        this.demands = demands;
        this.access = access;
    }

    @GetMapping
    DemandsView get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, "客户需求");
        var month = Periods.parse(period);
        return new DemandsView(demands.survey(customerManagerId, month), demands.needs(customerManagerId, month));
    }

    @PostMapping
    Map<String, Integer> record(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody List<NewDemand> batch, Authentication user) {
        access.requireSelf(user, customerManagerId, "客户需求");
        return Map.of("recorded", demands.record(customerManagerId, Periods.parse(period), batch));
    }

    @PostMapping("/confirmation")
    Map<String, Integer> confirm(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody Confirmation confirmation, Authentication user) {
        access.requireSelf(user, customerManagerId, "客户需求");
        var month = Periods.parse(period);
        int confirmed = Boolean.TRUE.equals(confirmation.all()) ? demands.confirmAll(customerManagerId, month)
                : demands.confirm(customerManagerId, month, confirmation.demandIds() == null ? List.of() : confirmation.demandIds());
        return Map.of("confirmed", confirmed, "unconfirmed", demands.unconfirmedCount(customerManagerId, month));
    }
}
