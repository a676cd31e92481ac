package cn.cm135.demo;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Everything the output depends on: the same settings always give the same rows.
 *
 * @param today           last day with data; its month is the current month
 * @param codePrefix      prepended to every natural key (staff, codes, licences, order numbers), so a test
 *                        dataset can live next to other data in a shared database
 * @param firstCustomerId id of the first retail customer; the others follow without gaps
 */
record GeneratorSettings(DatasetSize size, long seed, LocalDate today, String codePrefix, long firstCustomerId) {

    static GeneratorSettings of(DatasetSize size, long seed, LocalDate today) {
        return new GeneratorSettings(size, seed, today, "", 1);
    }

    /** A whole month of data up to its last day. */
    static GeneratorSettings forMonth(DatasetSize size, long seed, YearMonth month) {
        return of(size, seed, month.atEndOfMonth());
    }

    YearMonth currentMonth() {
        return YearMonth.from(today);
    }

    LocalDate firstDay() {
        return currentMonth().minusMonths(size.months - 1L).atDay(1);
    }
}
