package cn.cm135.brand.analysis;

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
 * {@code /api/analyses/brands/{customerManagerId}/{yyyy-MM}}: the month's 月度品牌状态分析 of the customer
 * manager's areas, and their 分析结论 — refused with 409 once confirmed (确定后不能修改).
 */
@RestController
@RequestMapping("/api/analyses/brands/{customerManagerId}/{period}")
class BrandAnalysisController {

    record Conclusions(String conclusions) {
    }

    private final BrandAnalysisService brands;
    private final StaffAccess access;

    BrandAnalysisController(BrandAnalysisService brands, StaffAccess access) {
        this.brands = brands;
        this.access = access;
    }

    @GetMapping
    List<BrandMonthResult> get(@PathVariable String customerManagerId, @PathVariable String period, Authentication user) {
        access.requireRead(user, customerManagerId, "品牌分析");
        return brands.rows(Periods.parse(period), customerManagerId);
    }

    @PutMapping("/conclusions")
    List<BrandMonthResult> conclude(@PathVariable String customerManagerId, @PathVariable String period,
            @RequestBody Conclusions body, Authentication user) {
        access.requireSelf(user, customerManagerId, "品牌分析结论");
        var month = Periods.parse(period);
        brands.conclude(month, customerManagerId, body.conclusions());
        return brands.rows(month, customerManagerId);
    }
}
