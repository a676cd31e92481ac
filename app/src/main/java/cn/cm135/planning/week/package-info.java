/**
 * Step 12 周工作安排: the customer manager's focus for the week and which routes they visit on which day;
 * from that, each day's list of customers the confirmed visit plan still calls for (day_visit_list), which
 * step 13's 日拜访记录表 shows. See {@link cn.cm135.planning.week.WeekArrangementService} for the due rule.
 */
@NamedInterface("week")
package cn.cm135.planning.week;

import org.springframework.modulith.NamedInterface;
