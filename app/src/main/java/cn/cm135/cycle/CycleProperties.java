package cn.cm135.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param planDueDay day of the month by which steps 1–11 are due (visits start after it)
 */
@ConfigurationProperties("cm135.cycle")
record CycleProperties(int planDueDay) {
}
