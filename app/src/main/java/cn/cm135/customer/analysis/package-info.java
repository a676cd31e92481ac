/**
 * Step 5 of the monthly cycle, 客户经营状态分析: the monthly sales roll-up ({@link SalesRollup}) and
 * the customer analysis ({@link CustomerAnalysisService}): business effect, capability score and
 * grade, computed set-based in SQL for the whole marketing centre and stored per month.
 */
@NamedInterface("analysis")
package cn.cm135.customer.analysis;

import org.springframework.modulith.NamedInterface;
