/**
 * Step 6 月度品牌状态分析 per area (片区) and spec, and the brand targets and target customers that
 * step 7 sets for the month (indicators.md, "Brand status").
 */
package cn.cm135.brand.analysis;
