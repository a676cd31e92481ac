package cn.cm135.market.analysis;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
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
 * {@code /api/analyses/market/{customerManagerId}/{yyyy-MM}}: the month's 市场分析 of the customer manager's
 * areas, and their 分析结论 (written on every area, as the form does) — refused with 409 once confirmed.
 */
@RestController
@RequestMapping("/api/analyses/market/{customerManagerId}/{period}")
class MarketAnalysisController {

    record Conclusions(String conclusions) {
    }

    private final MarketAnalysisService market;
    private final StaffAccess access;

    MarketAnalysisController(MarketAnalysisService market, StaffAccess access) {
        this.market = market;
        this.access = access;
    }

    @GetMapping
    List<MarketMonthResult> get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, "市场分析");
        return market.rows(Periods.parse(period), customerManagerId);
    }

    @PutMapping("/conclusions")
    @Transactional
    public List<MarketMonthResult> conclude(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody Conclusions body, Authentication user) {
        access.requireSelf(user, customerManagerId, "市场分析结论");
        var month = Periods.parse(period);
        List<MarketMonthResult> rows = market.rows(month, customerManagerId);
        if (rows.isEmpty()) {
            throw Refusal.notFound(month + " 的市场分析尚未生成（客户经理 " + customerManagerId + "）");
        }
        rows.forEach(row -> market.conclude(month, row.areaCode(), body.conclusions()));
        return market.rows(month, customerManagerId);
    }
}
