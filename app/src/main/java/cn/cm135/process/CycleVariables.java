package cn.cm135.process;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of {@code cycle-135-monthly}. They stay small: who, which month, which
 * decisions. Business data lives in cm135's tables, keyed by customer manager and month.
 */
public final class CycleVariables {

    public static final String PROCESS_KEY = "cycle-135-monthly";
    public static final String CUSTOMER_MANAGER_ID = "customerManagerId";
    public static final String MARKET_MANAGER_ID = "marketManagerId";
    public static final String PERIOD = "period";
    public static final String PLAN_DUE_DATE = "planDueDate";
    /** When an unfinished plan goes to the market manager: planDueDate + escalation working days. */
    public static final String ESCALATION_DATE = "escalationDate";
    /** True in a customer manager's first cycle in cm135: steps 2 and 3 backfill last month. */
    public static final String FIRST_MONTH = "firstMonth";

    private CycleVariables() {
    }

    /** Business key of a customer manager's month: {@code <customerManagerId>:<yyyy-MM>}. */
    public static String businessKey(String customerManagerId, YearMonth month) {
        return customerManagerId + ":" + month;
    }

    public static String customerManagerId(VariableScope scope) {
        return (String) scope.getVariable(CUSTOMER_MANAGER_ID);
    }

    public static YearMonth period(VariableScope scope) {
        return YearMonth.parse((String) scope.getVariable(PERIOD));
    }

    /** The month the cycle analyses: the last complete month, the cycle's month − 1. */
    public static YearMonth analysedMonth(VariableScope scope) {
        return period(scope).minusMonths(1);
    }
}
