/**
 * Customers' direct needs (客户直接需求): collected during the visits of month m for month m+1 and
 * stored under m ({@code customer_demand.period}); step 2 backfills them in a customer manager's first
 * month, step 4 confirms them and shows the 客户需求调查统计表 ({@link cn.cm135.customer.demand.DemandSurvey}).
 */
@NamedInterface("demand")
package cn.cm135.customer.demand;

import org.springframework.modulith.NamedInterface;
