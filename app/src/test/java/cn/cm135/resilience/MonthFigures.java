package cn.cm135.resilience;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a crash must not change, or must change exactly once, read straight from the database: the order
 * lines, the month-start customer analysis and its claim in {@code analysis_run}, the open tasks and the jobs.
 */
final class MonthFigures {

    /** Count and checksums of a set of rows. */
    record Totals(long rows, BigDecimal quantity, BigDecimal amount) {
        /** Sums compare by value whatever scale the database or the file gave them (68210 = 68210.00). */
        Totals {
            quantity = normal(quantity);
            amount = normal(amount);
        }

        private static BigDecimal normal(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }

        @Override
        public String toString() {
            return rows + " rows, " + quantity.toPlainString() + " 条, " + amount.toPlainString() + " 元";
        }
    }

    private final Db db;

    MonthFigures(Db db) {
        this.db = db;
    }

    Totals orderLines() {
        return totals("select count(*), sum(quantity), sum(amount) from order_line");
    }

    Totals orderLinesLike(String orderNoPrefix) {
        return totals("select count(*), sum(quantity), sum(amount) from order_line where order_no like ?",
                orderNoPrefix + "%");
    }

    /** The rows of {@code customer_month_result} of the month: count, sum of volume (条), sum of amount (元). */
    Totals customerResults(YearMonth analysed) {
        return totals("select count(*), sum(volume), sum(amount) from customer_month_result where period = ?",
                analysed.toString());
    }

    long distinctCustomersAnalysed(YearMonth analysed) {
        return db.count("select count(distinct customer_id) from customer_month_result where period = ?",
                analysed.toString());
    }

    /**
     * What an uninterrupted analysis of the month must produce, computed here from the source rows and not by the
     * analysis: one row per active customer open by the month's end (the analysis' population), with the month's
     * order lines summed.
     */
    Totals expectedCustomerResults(YearMonth analysed) {
        Date first = Date.valueOf(analysed.atDay(1));
        Date last = Date.valueOf(analysed.atEndOfMonth());
        String population = "select c.id from retail_customer c join route r on r.code = c.route_code "
                + "join area a on a.code = r.area_code where c.status = 'ACTIVE' and (c.opened_on is null or c.opened_on <= ?)";
        long customers = db.count("select count(*) from (" + population + ") p", last);
        Totals orders = totals("select count(*), sum(o.quantity), sum(o.amount) from order_line o where o.order_date >= ? "
                + "and o.order_date <= ? and o.customer_id in (" + population + ")", first, last, last);
        return new Totals(customers, orders.quantity(), orders.amount());
    }

    /** {@code analysis_run} rows of the month, by kind. */
    Map<String, Long> analysisRuns(YearMonth analysed) {
        Map<String, Long> runs = new TreeMap<>();
        db.rows("select kind, count(*) from analysis_run where period = ? group by kind", analysed.toString())
                .forEach(row -> runs.put((String) row.get(0), ((Number) row.get(1)).longValue()));
        return runs;
    }

    /** Open user tasks of the month's instances: business key → sorted task definition keys. */
    Map<String, List<String>> openTasks(YearMonth month) {
        Map<String, List<String>> tasks = new TreeMap<>();
        db.rows("select p.BUSINESS_KEY_, t.TASK_DEF_KEY_ from ACT_RU_TASK t join ACT_RU_EXECUTION p "
                + "on p.ID_ = t.PROC_INST_ID_ and p.PARENT_ID_ is null where p.BUSINESS_KEY_ like ? "
                + "order by p.BUSINESS_KEY_, t.TASK_DEF_KEY_", "%:" + month)
                .forEach(row -> tasks.computeIfAbsent((String) row.get(0), k -> new java.util.ArrayList<>())
                        .add((String) row.get(1)));
        return tasks;
    }

    /** Jobs waiting at {@code activityId} (an async continuation before it). */
    long jobsAt(String activityId) {
        return db.count("select count(*) from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ "
                + "where d.ACT_ID_ = ?", activityId);
    }

    /** Of those, the ones some job executor holds a lock on. */
    long lockedJobsAt(String activityId) {
        return db.count("select count(*) from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ "
                + "where d.ACT_ID_ = ? and j.LOCK_OWNER_ is not null", activityId);
    }

    /** Successful executions of the jobs of one activity, from the job log (history level full; state 2 = successful). */
    long jobSuccesses(String activityId) {
        return db.count("select count(*) from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_DEF_TYPE_ = 'async-continuation' "
                + "and JOB_STATE_ = 2", activityId);
    }

    /** Completed user tasks of one definition, from the history. */
    long completedTasks(String taskDefinitionKey) {
        return db.count("select count(*) from ACT_HI_TASKINST where TASK_DEF_KEY_ = ? and END_TIME_ is not null",
                taskDefinitionKey);
    }

    long monthlyCycles(YearMonth month) {
        return db.count("select count(*) from monthly_cycle where period = ?", month.toString());
    }

    long processInstances(YearMonth month) {
        return db.count("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ like ?", "%:" + month);
    }

    private Totals totals(String sql, Object... args) {
        List<Object> row = db.rows(sql, args).get(0);
        return new Totals(((Number) row.get(0)).longValue(), decimal(row.get(1)), decimal(row.get(2)));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString()).stripTrailingZeros();
    }
}
