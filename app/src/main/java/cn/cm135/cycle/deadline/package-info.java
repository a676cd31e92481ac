/**
 * Deadlines of the plan phase (steps 1–11): at the due date the customer manager's open tasks are
 * flagged, two working days later the market manager gets a 督办 task. The timers are boundary events of
 * {@code SubProcess_PlanPhase} in {@code cycle-135-monthly.bpmn}.
 */
package cn.cm135.cycle.deadline;
