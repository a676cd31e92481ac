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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.organization.StaffAccess;
import cn.cm135.web.Periods;

/**
 * {@code /api/demands/{customerManagerId}/{yyyy-MM}}: the needs a customer manager's customers expressed in
 * a month and their 客户需求调查统计表 (read: as the customer manager's tasks), recording and confirming
 * them (the customer manager only).
 */
@RestController
@RequestMapping("/api/demands/{customerManagerId}/{period}")
@Tag(name = "客户需求", description = "客户经理服务的零售户在某月提出的直接需求及客户需求调查统计表："
        + "客户经理本人、其市场经理、营销中心和系统管理员可查看，只有客户经理本人可以登记和确认。")
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

    @Operation(summary = "查看客户需求", description = "返回该月收集的客户需求（未确认的在前）和客户需求调查统计表。"
            + "客户经理本人、其市场经理、营销中心和系统管理员可查看。")
    @GetMapping
    DemandsView get(@Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM（需求收集的月份）", example = "2026-12") @PathVariable String period,
            Authentication user) {
        access.requireRead(user, customerManagerId, "客户需求");
        var month = Periods.parse(period);
        return new DemandsView(demands.survey(customerManagerId, month), demands.needs(customerManagerId, month));
    }

    @Operation(summary = "登记客户需求", description = "登记一批客户需求，全部登记或全部不登记：任一行有误（不是本人服务的客户、"
            + "需求类型或内容不合规）返回 400 并指出行和字段；已登记过的相同需求不重复登记。返回本次新登记的条数，"
            + "只有客户经理本人可以登记。")
    @PostMapping
    Map<String, Integer> record(
            @Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM（需求收集的月份）", example = "2026-12") @PathVariable String period,
            @RequestBody List<NewDemand> batch, Authentication user) {
        access.requireSelf(user, customerManagerId, "客户需求");
        return Map.of("recorded", demands.record(customerManagerId, Periods.parse(period), batch));
    }

    @Operation(summary = "确认客户需求", description = "确认所列编号的需求，或以 all = true 确认全部未确认的需求，"
            + "返回本次确认的条数和仍未确认的条数；所列需求不是该客户经理的客户在该月收集的需求时返回 400，不确认任何需求。"
            + "只有客户经理本人可以确认。")
    @PostMapping("/confirmation")
    Map<String, Integer> confirm(
            @Parameter(description = "客户经理工号", example = "cm01") @PathVariable String customerManagerId,
            @Parameter(description = "月份 yyyy-MM（需求收集的月份）", example = "2026-12") @PathVariable String period,
            @RequestBody Confirmation confirmation, Authentication user) {
        access.requireSelf(user, customerManagerId, "客户需求");
        var month = Periods.parse(period);
        int confirmed = Boolean.TRUE.equals(confirmation.all()) ? demands.confirmAll(customerManagerId, month)
                : demands.confirm(customerManagerId, month, confirmation.demandIds() == null ? List.of() : confirmation.demandIds());
        return Map.of("confirmed", confirmed, "unconfirmed", demands.unconfirmedCount(customerManagerId, month));
    }
}
