/** The market manager's approval of a customer manager's monthly artefact, shared by the plan features. */
package cn.cm135.planning.approval;
