/**
 * Step 11 客户拜访计划: how often each customer is visited in the month. The system proposes a frequency
 * from the customer's grade (档位) and strategies (indicators.md, "visit frequency"); the customer manager
 * adjusts it per customer with a reason, checks that the month's visits fit the working days, agrees the
 * 商定总量 of the key specs (overriding the computed one with a reason), and confirms (确定) — from then on
 * the plan can't be changed by any path. No market-manager approval.
 */
@NamedInterface("visit-plan")
package cn.cm135.planning.visits;

import org.springframework.modulith.NamedInterface;
