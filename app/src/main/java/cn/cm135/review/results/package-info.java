/**
 * Step 14 结果提交 / 结果审核: the month's results (★ strategies done, ● ad-hoc tasks, visits) submitted by
 * the customer manager and approved — then locked — or rejected with a reason by the market manager.
 */
@NamedInterface("results")
package cn.cm135.review.results;

import org.springframework.modulith.NamedInterface;
