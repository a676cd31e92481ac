/**
 * Step 7 品牌分析目标设置 + 目标客户管理 (and step 3, its backfill for the month before a customer
 * manager's first cycle): brand targets per area and spec, target customers per spec, and the
 * suggested target customers — those who bought the spec's price class but not the spec. Next month's
 * step 6 ({@link cn.cm135.brand.analysis}) measures attainment and conversion against them.
 */
@NamedInterface("targets")
package cn.cm135.brand.targets;

import org.springframework.modulith.NamedInterface;
