package cn.cm135.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.cm135.calendar.WorkingCalendar;

/**
 * 逾期工作 of a month: every open task of the scope's month instances whose due date has passed — the customer
 * managers' steps and the market managers' approvals and 督办 — with who holds it and how many working days it is
 * late; then one line per person. A market manager sees their team (who is late where), the marketing centre
 * everyone, a customer manager themselves. Read straight from the engine's runtime task table, so it shows what
 * Tasklist and Cockpit show at this moment (the engine clock).
 */
@Component
class OverdueReport implements Report {

    static final List<Column> TASKS = List.of(Column.text("客户经理"), Column.text("逾期工作"), Column.text("处理人"),
            Column.text("截止时间"), Column.integer("逾期工作日"));
    static final List<Column> PEOPLE = List.of(Column.text("处理人"), Column.integer("逾期工作数"),
            Column.integer("最长逾期工作日"));

    private static final String SQL = """
            select cm.name as cm_name, t.name_ as task_name, coalesce(holder.name, t.assignee_) as holder, t.due_date_ as due
              from monthly_cycle m
              join staff cm on cm.staff_id = m.customer_manager_id
              join act_ru_task t on t.proc_inst_id_ = m.process_instance_id
              left join staff holder on holder.staff_id = t.assignee_
             where m.period = :period and t.due_date_ is not null and t.due_date_ < :now and %s
             order by t.due_date_, cm.name, t.name_
            """.formatted(ReportSql.managedBy("m.customer_manager_id"));
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M 月 d 日 HH:mm");

    private final ReportSql sql;
    private final WorkingCalendar calendar;
    private final ZoneId zone;

    OverdueReport(ReportSql sql, WorkingCalendar calendar, Clock clock) {
        this.sql = sql;
        this.calendar = calendar;
        this.zone = clock.getZone();
    }

    @Override
    public String name() {
        return "overdue";
    }

    @Override
    public String title() {
        return "逾期工作";
    }

    @Override
    public ReportContent content(ReportRequest request) {
        Instant instant = ClockUtil.getCurrentTime().toInstant();
        LocalDateTime now = LocalDateTime.ofInstant(instant, zone);
        List<List<Object>> tasks = new ArrayList<>();
        Map<String, long[]> byHolder = new LinkedHashMap<>();
        sql.query(SQL, request.parameters().addValue("now", Timestamp.from(instant)), (rs, i) -> {
            LocalDateTime due = LocalDateTime.ofInstant(rs.getTimestamp("due").toInstant(), zone);
            long late = workingDaysLate(due.toLocalDate(), now.toLocalDate());
            String holder = rs.getString("holder");
            tasks.add(List.of(rs.getString("cm_name"), rs.getString("task_name"), holder, DUE.format(due), late));
            long[] count = byHolder.computeIfAbsent(holder, h -> new long[2]);
            count[0]++;
            count[1] = Math.max(count[1], late);
            return null;
        });
        List<List<Object>> people = new ArrayList<>();
        byHolder.forEach((holder, count) -> people.add(List.of(holder, count[0], count[1])));
        return new ReportContent(List.of(new ReportSection("逾期未完成的工作", TASKS, tasks),
                new ReportSection("按处理人汇总", PEOPLE, people)),
                List.of(new ReportNote("说明", "截至 " + DUE.format(now) + " 已过截止时间仍未完成的工作（含市场经理的审批与督办）。"
                        + "逾期工作日：截止日之后到今天的工作日数（节假日不计，截止当天为 0）；日拜访记录和周工作小结逾期后"
                        + "按设置的工作日数转市场经理督办。")));
    }

    /** Working days after the due day up to today: 0 on the due day itself. */
    private long workingDaysLate(LocalDate dueDay, LocalDate today) {
        long late = 0;
        for (LocalDate day = dueDay.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                late++;
            }
        }
        return late;
    }
}
