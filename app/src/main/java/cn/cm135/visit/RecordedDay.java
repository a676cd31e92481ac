package cn.cm135.visit;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What has been recorded for a day (empty lists and status OPEN before the first recording).
 *
 * @param visits         every customer recorded, listed or not ({@code planned} false: off the sheet)
 * @param strategiesDone the strategies marked done (★) on the day
 */
public record RecordedDay(String status, String feelings, LocalDateTime recordedAt, List<RecordedVisit> visits,
        List<Long> strategiesDone, List<DayRecord.Observation> observations, List<DayRecord.Anomaly> anomalies,
        List<DayRecord.Need> needs) {

    public record RecordedVisit(long customerId, String licenceNo, String name, boolean visited, boolean planned,
            String opinions, String effect, String note) {
    }
}
