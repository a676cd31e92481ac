package cn.cm135.planning.workplan;

/** The system's proposal of a month's work plan, with the grade bands it counted. */
record WorkPlanDraft(int customersTop, int customersMiddle, int customersBase, WorkPlanValues values) {
}
