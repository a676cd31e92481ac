package cn.cm135.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Reads the {@code yyyy-MM} month of an API path. */
public final class Periods {

    private Periods() {
    }

    public static YearMonth parse(String period) {
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("period", "月份格式应为 yyyy-MM（例如 2026-11），收到 " + period);
        }
    }
}
