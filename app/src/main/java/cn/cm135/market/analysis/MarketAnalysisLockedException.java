package cn.cm135.market.analysis;

import java.time.YearMonth;

/** A change to a confirmed (确定) market analysis: "确定后不能修改". */
public class MarketAnalysisLockedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public MarketAnalysisLockedException(YearMonth month, String areaCode) {
        super("片区 " + areaCode + " 的 " + month + " 市场分析已确定，不能修改");
    }
}
