package cn.cm135.planning.week;

import java.time.LocalDate;
import java.util.List;

/**
 * A week as the customer manager arranges it: stored when arranged, else the proposal (each route on its
 * weekday). {@code days} are the week's working days inside the month from today on.
 *
 * @param status DRAFT (not arranged yet) or ARRANGED
 */
public record WeekProposal(String customerManagerId, String period, LocalDate weekStart, String status,
        String marketFocus, String brandFocus, List<WeekRoute> routes, List<ProposedDay> days) {

    public boolean arranged() {
        return WeekArrangementService.ARRANGED.equals(status);
    }

    public int customerCount() {
        return days.stream().mapToInt(d -> d.customers().size()).sum();
    }
}
