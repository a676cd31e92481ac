/**
 * Step 8 of the monthly cycle, 市场分析: per area and month the price index, social inventory, 存销比,
 * 可销天数, retail margin rate, price-class structure, 单条值 and its change, the seasonal index of the
 * coming month, anomalies by type and the market warning, computed set-based in SQL
 * ({@link cn.cm135.market.analysis.MarketAnalysisSql}) and stored per month; a confirmed month is locked.
 */
@NamedInterface("analysis")
package cn.cm135.market.analysis;

import org.springframework.modulith.NamedInterface;
