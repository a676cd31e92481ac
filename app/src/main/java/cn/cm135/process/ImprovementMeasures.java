package cn.cm135.process;

import java.time.YearMonth;
import java.util.Optional;

/**
 * The 改进措施 a customer manager wrote in a finished 月度工作总结 (step 16), for the month after it: its
 * step 5 review and its step 10 work plan read them through this interface, so that planning and the
 * analysis review need not depend on the summary feature (which itself reads the plan's figures).
 */
public interface ImprovementMeasures {

    /** The improvement measures of {@code month}'s finished summary; empty while it is not finished. */
    Optional<String> of(String customerManagerId, YearMonth month);
}
