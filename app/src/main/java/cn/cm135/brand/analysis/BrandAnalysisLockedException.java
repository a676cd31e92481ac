package cn.cm135.brand.analysis;

import java.time.YearMonth;

import cn.cm135.rules.Refusal;

/** A confirmed (locked) brand analysis can't be changed: 确定后不能修改. */
public class BrandAnalysisLockedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public BrandAnalysisLockedException(YearMonth month, String customerManagerId) {
        super(Kind.LOCKED, null, month + " 的月度品牌状态分析（客户经理 " + customerManagerId + "）已确定并锁定，确定后不能修改");
    }
}
