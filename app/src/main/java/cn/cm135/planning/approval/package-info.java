/** The market manager's approval of a customer manager's monthly record (targets, strategy plan, work plan, month results): one state machine, its refusals and the history of decisions, shared by the plan and review features. */
@NamedInterface("approval")
package cn.cm135.planning.approval;

import org.springframework.modulith.NamedInterface;
