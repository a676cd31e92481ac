package cn.cm135.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param planDueDay day of the month by which steps 1–11 are due (visits start after it); a day off moves it to
 *        the next working day
 * @param planWorkingDays the fewest working days of the month the plan phase gets: after a long holiday (National
 *        Day, Spring Festival) the due day moves to this working day of the month
 * @param escalationWorkingDays working days after the due date at which an unfinished plan goes to the
 *        market manager (督办)
 */
@ConfigurationProperties("cm135.cycle")
record CycleProperties(int planDueDay, @DefaultValue("4") int planWorkingDays,
        @DefaultValue("2") int escalationWorkingDays) {
}
