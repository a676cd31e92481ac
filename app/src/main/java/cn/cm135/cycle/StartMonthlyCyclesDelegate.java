package cn.cm135.cycle;

import java.time.YearMonth;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Service task "启动本月客户经理工作" of {@code cycle-kickoff}: starts the month the timer fired in. */
@Component
class StartMonthlyCyclesDelegate implements JavaDelegate {

    private final CycleService cycles;

    StartMonthlyCyclesDelegate(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The engine's clock, not the system's: process tests move it to fire the timer.
        YearMonth month = YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Asia/Shanghai")));
        CycleStartResult result = cycles.startMonth(month);
        execution.setVariable("startedCount", result.started().size());
    }
}
