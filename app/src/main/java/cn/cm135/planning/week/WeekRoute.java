package cn.cm135.planning.week;

/** A route of the customer manager; {@code weekday} is its default ISO day of week (1 = Monday). */
public record WeekRoute(String code, String name, int weekday) {

    public String label() {
        return name + "（" + code + "，默认" + WeekDays.weekdayLabel(weekday) + "）";
    }
}
