package cn.cm135.cycle;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.calendar.WorkingCalendar;
import cn.cm135.organization.Organization.CustomerManager;
import cn.cm135.organization.Organization;
import cn.cm135.process.CycleVariables;

/**
 * Starts a month: one {@code cycle-135-monthly} instance per active customer manager. The
 * {@code monthly_cycle} table's primary key (customer manager, month) makes a repeated start a
 * no-op, even when two app nodes or a timer and a user start the same month at once: the loser's
 * transaction fails on the key and its retry finds the month started.
 */
@Service
public class CycleService {

    private static final Logger log = LoggerFactory.getLogger(CycleService.class);

    private final RuntimeService runtimeService;
    private final AuthorizationService authorizations;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final Organization organization;
    private final JdbcTemplate jdbc;
    private final CycleProperties properties;
    private final WorkingCalendar calendar;
    private final Clock clock;

    CycleService(RuntimeService runtimeService, AuthorizationService authorizations,
            ProcessEngineConfigurationImpl engineConfiguration, Organization organization, JdbcTemplate jdbc,
            CycleProperties properties, WorkingCalendar calendar, Clock clock) {
        this.runtimeService = runtimeService;
        this.authorizations = authorizations;
        this.engineConfiguration = engineConfiguration;
        this.organization = organization;
        this.jdbc = jdbc;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public CycleStartResult startMonth(YearMonth month) {
        List<String> started = new ArrayList<>();
        List<String> running = new ArrayList<>();
        List<String> orphaned = new ArrayList<>();
        for (CustomerManager cm : organization.activeCustomerManagers()) {
            if (cm.marketManagerId() == null) {
                orphaned.add(cm.id());
            } else if (isStarted(cm.id(), month)) {
                running.add(cm.id());
            } else {
                started.add(start(cm, month).getBusinessKey());
            }
        }
        if (!orphaned.isEmpty()) {
            log.warn("Month {} not started for customer managers without a market manager: {}", month, orphaned);
        }
        log.info("Month {}: started {}, already running {}", month, started.size(), running.size());
        return new CycleStartResult(month.toString(), started, running, orphaned);
    }

    private boolean isStarted(String customerManagerId, YearMonth month) {
        return jdbc.queryForObject("select count(*) from monthly_cycle where customer_manager_id = ? and period = ?",
                Integer.class, customerManagerId, month.toString()) > 0;
    }

    private ProcessInstance start(CustomerManager cm, YearMonth month) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(CycleVariables.PROCESS_KEY,
                CycleVariables.businessKey(cm.id(), month),
                Map.of(CycleVariables.CUSTOMER_MANAGER_ID, cm.id(),
                        CycleVariables.MARKET_MANAGER_ID, cm.marketManagerId(),
                        CycleVariables.PERIOD, month.toString(),
                        CycleVariables.PLAN_DUE_DATE, planDueDate(month),
                        CycleVariables.ESCALATION_DATE, escalationDate(month),
                        CycleVariables.FIRST_MONTH, !hasEarlierCycle(cm.id(), month)));
        grantToMarketManager(cm.marketManagerId(), instance.getId());
        jdbc.update("insert into monthly_cycle (customer_manager_id, period, process_instance_id, started_at) "
                + "values (?, ?, ?, ?)", cm.id(), month.toString(), instance.getId(),
                Timestamp.valueOf(LocalDateTime.now(clock)));
        return instance;
    }

    /**
     * Lets the market manager see the instance in Cockpit (where their people are in the cycle). The grant
     * is written without the caller's own authorization check: whoever starts the month (the kick-off
     * timer, the marketing centre) need not administer authorizations.
     */
    private void grantToMarketManager(String marketManagerId, String processInstanceId) {
        engineConfiguration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setUserId(marketManagerId);
            grant.setResource(Resources.PROCESS_INSTANCE);
            grant.setResourceId(processInstanceId);
            grant.addPermission(Permissions.READ);
            return authorizations.saveAuthorization(grant);
        }));
    }

    private boolean hasEarlierCycle(String customerManagerId, YearMonth month) {
        return jdbc.queryForObject("select count(*) from monthly_cycle where customer_manager_id = ? and period < ?",
                Integer.class, customerManagerId, month.toString()) > 0;
    }

    /** Steps 1–11 are due at the end of the plan due day, in the company's time zone. */
    private Date planDueDate(YearMonth month) {
        return endOfDay(dueDay(month, LocalDate.now(clock)));
    }

    private Date escalationDate(YearMonth month) {
        return endOfDay(calendar.plusWorkingDays(dueDay(month, LocalDate.now(clock)), properties.escalationWorkingDays()));
    }

    /**
     * The plan due day (the 5th), on a working day, and never before {@code planWorkingDays} working days are
     * there for the plan: counted from the month's start (October 2027: the 1st–7th are off, so the plan is due
     * on the 4th working day, the 12th), or from the day the month is started when that is later (a month started
     * on the 6th is due on the 4th working day from the 6th, not "overdue" the moment its tasks appear).
     */
    LocalDate dueDay(YearMonth month, LocalDate startedOn) {
        LocalDate due = calendar.onOrAfter(month.atDay(Math.min(properties.planDueDay(), month.lengthOfMonth())));
        LocalDate fromMonthStart = calendar.workingDay(month, properties.planWorkingDays());
        LocalDate fromStart = calendar.plusWorkingDays(calendar.onOrAfter(startedOn), properties.planWorkingDays() - 1);
        return latest(due, latest(fromMonthStart, fromStart));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private Date endOfDay(LocalDate day) {
        ZoneId zone = clock.getZone();
        return Date.from(day.atTime(18, 0).atZone(zone).toInstant());
    }
}
