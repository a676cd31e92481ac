package cn.cm135.market.analysis;

import java.time.YearMonth;

import cn.cm135.rules.Refusal;

/** A change to a confirmed (确定) market analysis: "确定后不能修改". */
public class MarketAnalysisLockedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public MarketAnalysisLockedException(YearMonth month, String areaCode) {
        super(Kind.LOCKED, null, "片区 " + areaCode + " 的 " + month + " 市场分析已确定，不能修改");
    }
}
