/**
 * Step 10 月度工作计划: after the strategies (step 9) are approved, the customer manager's plan of the
 * month — visits per grade band and the key work for customer, brand and market, drawn from the month's
 * analysis — which the market manager approves or rejects with a reason. Nothing of the implementation
 * phase starts before the approval; the BPMN enforces it.
 */
package cn.cm135.planning.workplan;
