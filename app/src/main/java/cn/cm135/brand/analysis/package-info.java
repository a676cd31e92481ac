/**
 * Step 6 月度品牌状态分析 per area (片区) and spec, and the brand targets and target customers that
 * step 7 sets for the month (indicators.md, "Brand status").
 */
@NamedInterface("analysis")
package cn.cm135.brand.analysis;

import org.springframework.modulith.NamedInterface;
