/**
 * Step 1 and 1a of the monthly cycle: 制定客户经理目标 and 审批客户经理目标. A month's targets are
 * pre-filled from the forecast, edited and submitted by the customer manager, approved or rejected
 * by the market manager, then locked.
 */
@NamedInterface("targets")
package cn.cm135.planning.targets;

import org.springframework.modulith.NamedInterface;
