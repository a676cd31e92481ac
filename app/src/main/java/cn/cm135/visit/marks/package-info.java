/**
 * Step 14 任务执行标注: ★ strategies of the approved month plan carried out, ● ad-hoc tasks added, and the
 * user task that marks them and submits the month's results (the review: {@code cn.cm135.review.results}).
 */
package cn.cm135.visit.marks;
