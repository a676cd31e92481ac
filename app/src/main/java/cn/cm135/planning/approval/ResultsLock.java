package cn.cm135.planning.approval;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.cm135.rules.Refusal;

/**
 * Once a month's results are approved (step 14: month_result APPROVED or LOCKED), its week arrangements
 * and visit records are what was reviewed: they refuse every change (确定后不能修改).
 */
@Component
public class ResultsLock {

    private final NamedParameterJdbcTemplate jdbc;

    ResultsLock(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isApproved(String customerManagerId, YearMonth period) {
        List<String> status = jdbc.queryForList("select status from month_result "
                + "where customer_manager_id = :cm and period = :period",
                new MapSqlParameterSource("cm", customerManagerId).addValue("period", period.toString()), String.class);
        return !status.isEmpty() && ("APPROVED".equals(status.get(0)) || "LOCKED".equals(status.get(0)));
    }

    /** @throws Refusal LOCKED once the month's results are approved */
    public void requireOpen(String customerManagerId, YearMonth period, String what) {
        if (isApproved(customerManagerId, period)) {
            throw Refusal.locked(customerManagerId + " 的 " + period + " 工作结果已审核通过，" + what
                    + "不能再修改（确定后不能修改）");
        }
    }
}
