/**
 * Step 9 of the monthly cycle, 生成服务策略: the strategy rules are the DMN table
 * {@code processes/service-strategy.dmn} (hit policy COLLECT); 计划新增 evaluates it for every active retail
 * customer of the customer manager ({@link cn.cm135.planning.strategy.StrategyService#generate}), the customer
 * manager drops strategies (with a reason) or adds manual ones and submits (计划提交), the market manager
 * approves (计划审核) or rejects with a reason; the approved plan is locked.
 *
 * <h2>Months</h2>
 * The plan is for month P (本月, the cycle's month); it builds on the analysis of the last complete month
 * A = P − 1 (steps 5–8): {@code customer_month_result} of A and the roll-up {@code sales_month} that step 5
 * keeps. "Last 4 weeks" = 4 blocks of 7 days counted back from A's last day (like the 13 weeks of the
 * capability score); "last 3 months" = A−2 … A.
 *
 * <h2>Inputs of the table, one evaluation per customer</h2>
 * <ul>
 * <li>{@code warning}, {@code capabilityLevel}: the customer analysis of A (null when the customer was not
 *     analysed, so rules 1 and 2 don't fire).</li>
 * <li>{@code openNeeds}: needs collected in A ({@code customer_demand.period} = A, for month P) with status
 *     CONFIRMED (step 4 confirmed them; ANSWERED ones are done, RECORDED ones unconfirmed).</li>
 * <li>{@code weeksOrdered}: weeks of the last 4 with at least one order line.</li>
 * <li>{@code monthsOpen}: whole months from {@code opened_on} to A's last day, as the customer analysis
 *     counts a new customer; null when unknown.</li>
 * <li>{@code personalisedService}: {@code retail_customer.personalised_service}, blank = none.</li>
 * <li>{@code weeksOfStock}: the customer's weeks of stock as the capability score computed it for A
 *     (Σ latest counts of the counted specs ÷ their average weekly sales). Counted stock of specs that sold
 *     nothing in 3 months has no weeks of stock there, so rule 10 does not see it (the score gives it 0).</li>
 * </ul>
 * Spec-level rules (7, 8, 9) get <b>per-customer aggregates that name their worst spec</b>, ours:
 * <ul>
 * <li>{@code unorderedTargetSpecs}: target specs of P's brand targets (step 7, {@code brand_target_customer}
 *     with period P) that the customer has not ordered in P so far; the strategy names the first by code, the
 *     reason lists them all.</li>
 * <li>{@code keySpecMinInventory}: the lowest latest count (greatest date ≤ A's last day, ties greatest id),
 *     counted within the last 3 months, among key-brand specs the customer ordered in the last 3 months
 *     (an older count says little about today's shelf); the strategy names the first spec at that count.</li>
 * <li>{@code priceDeviationPct}: (latest observed retail price in A ÷ guide price − 1) × 100, 2 decimals
 *     half-up, of the spec deviating most (ties: lowest code) — the market analysis' convention of one latest
 *     observation per customer and spec in the month.</li>
 * </ul>
 * Why aggregates and not one evaluation per (customer, spec) candidate: the city dataset has ~49,000
 * (customer, spec) pairs with a price observed in a month and ~129,000 with a count in 3 months; evaluating
 * those rows as well would multiply the table's evaluations by about five, and one evaluation costs
 * ~0.1–0.3 ms here. A customer then gets at most one strategy of each type,
 * which is also what the customer manager carries into the visit. The thresholds stay in the table.
 *
 * <h2>Reason and spec</h2>
 * The table's outputs are 策略类型, 要点, 规格代码, 策略内容 and 理由; the reason is a FEEL string expression
 * over the inputs and the context variables listed in the DMN file, so the marketing centre words it too.
 *
 * <h2>Regenerating</h2>
 * Unique on (customer, month, type, spec). A new run inserts what is new, refreshes the reason of open system
 * strategies that fire again, and removes open system strategies that no longer fire; dropped, done and manual
 * rows are never touched (a rule that fires where the customer manager already added the same type keeps the
 * manual row). Generating, dropping and adding lock the plan's row; a submitted, approved or locked plan
 * refuses every change ({@link cn.cm135.planning.strategy.StrategyException}, HTTP 409).
 *
 * <h2>Engine</h2>
 * The latest deployed version of {@code service-strategy} is read from the engine's deployment cache and
 * parsed once per run ({@link cn.cm135.planning.strategy.ServiceStrategyDecision}); evaluation is in-process
 * with the DMN engine, without decision history per customer.
 */
@NamedInterface("strategy")
package cn.cm135.planning.strategy;

import org.springframework.modulith.NamedInterface;
