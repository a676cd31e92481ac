package cn.cm135.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parsers for the cell values of import files. Each throws {@link BadValueException} with a 中文 reason;
 * they accept what Chinese exports commonly contain (周一, 是/否, 一类, 2024/3/5) and nothing vaguer.
 */
final class Cells {

    // Excel shows dates as 2024/3/5 and some ordering systems write 20240305; strict = no 2月30日.
    private static final Map<Pattern, DateTimeFormatter> DATE_FORMATS = Map.of(
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}"), strict("uuuu-MM-dd"),
            Pattern.compile("\\d{4}/\\d{1,2}/\\d{1,2}"), strict("uuuu/M/d"),
            Pattern.compile("\\d{8}"), strict("uuuuMMdd"));
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?\\d+");
    private static final Map<String, Boolean> BOOLEANS = Map.of(
            "是", true, "否", false, "true", true, "false", false, "1", true, "0", false);
    private static final Map<String, Integer> WEEKDAYS = Map.ofEntries(
            Map.entry("周一", 1), Map.entry("周二", 2), Map.entry("周三", 3), Map.entry("周四", 4),
            Map.entry("周五", 5), Map.entry("周六", 6), Map.entry("周日", 7), Map.entry("周天", 7),
            Map.entry("星期一", 1), Map.entry("星期二", 2), Map.entry("星期三", 3), Map.entry("星期四", 4),
            Map.entry("星期五", 5), Map.entry("星期六", 6), Map.entry("星期日", 7), Map.entry("星期天", 7));
    private static final Map<String, Integer> PRICE_CLASSES = Map.of(
            "一类", 1, "二类", 2, "三类", 3, "四类", 4, "五类", 5);
    private static final Map<String, String> STATUSES = Map.of(
            "正常", "ACTIVE", "暂停", "SUSPENDED", "注销", "CLOSED",
            "ACTIVE", "ACTIVE", "SUSPENDED", "SUSPENDED", "CLOSED", "CLOSED");

    static final List<String> BUSINESS_FORMATS = List.of("食杂店", "便利店", "超市", "商场", "烟酒店", "娱乐服务类", "其他");
    static final List<String> MARKET_TYPES = List.of("城网", "农网");
    static final List<String> ANOMALY_TYPES = List.of("假烟", "走私烟", "无证经营", "价格异常", "断货", "其他");

    private Cells() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2})[:：](\\d{2})(?::(\\d{2}))?");

    /** A time of day: 8:30, 08:30 or 08:30:00 (Excel's time format), 0:00 to 23:59. */
    static LocalTime time(String value) {
        java.util.regex.Matcher m = TIME_OF_DAY.matcher(value);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (hour < 24 && minute < 60 && second < 60) {
                return LocalTime.of(hour, minute, second);
            }
        }
        throw new BadValueException("时间格式不正确：「" + value + "」，应为 HH:mm，如 08:30 (bad time of day)");
    }

    /**
     * A coordinate in decimal degrees within [min, max] (China's extent), kept to 6 decimals (about 0.1 m).
     *
     * @param what 经度 or 纬度, for the message
     */
    static Function<String, BigDecimal> degreesBetween(String what, double min, double max) {
        return value -> {
            BigDecimal degrees = decimal(value);
            if (degrees.doubleValue() < min || degrees.doubleValue() > max) {
                throw new BadValueException(what + "应在 " + fmt(min) + " 到 " + fmt(max) + " 度之间（中国境内，WGS84 十进制度）："
                        + "「" + value + "」(out of range)");
            }
            return degrees.setScale(6, java.math.RoundingMode.HALF_UP);
        };
    }

    private static String fmt(double degrees) {
        return degrees == Math.rint(degrees) ? Long.toString((long) degrees) : Double.toString(degrees);
    }

    static LocalDate date(String value) {
        for (Map.Entry<Pattern, DateTimeFormatter> format : DATE_FORMATS.entrySet()) {
            if (format.getKey().matcher(value).matches()) {
                try {
                    return LocalDate.parse(value, format.getValue());
                } catch (DateTimeParseException e) {
                    throw new BadValueException("日期不存在：「" + value + "」(no such date)");
                }
            }
        }
        throw new BadValueException("日期格式不正确：「" + value + "」，应为 yyyy-MM-dd、yyyy/M/d 或 yyyyMMdd (bad date)");
    }

    static BigDecimal decimal(String value) {
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw new BadValueException("不是有效的数字：「" + value + "」(not a number)");
        }
        return new BigDecimal(value);
    }

    /** Money and prices: at most two decimals (分), as stored. */
    static BigDecimal money(String value) {
        BigDecimal amount = decimal(value).stripTrailingZeros();
        if (amount.scale() > 2) {
            throw new BadValueException("最多保留两位小数：「" + value + "」(more than 2 decimals)");
        }
        return amount.setScale(2);
    }

    static Function<String, BigDecimal> moneyAtLeastZero() {
        return value -> {
            BigDecimal amount = money(value);
            if (amount.signum() < 0) {
                throw new BadValueException("不能为负数：「" + value + "」(must not be negative)");
            }
            return amount;
        };
    }

    static Function<String, BigDecimal> moneyAboveZero() {
        return value -> {
            BigDecimal amount = money(value);
            if (amount.signum() <= 0) {
                throw new BadValueException("必须大于 0：「" + value + "」(must be positive)");
            }
            return amount;
        };
    }

    static Function<String, Integer> integerBetween(int min, int max) {
        return value -> {
            if (!PLAIN_INTEGER.matcher(value).matches()) {
                throw new BadValueException("不是有效的整数：「" + value + "」(not an integer)");
            }
            long number = value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value);
            if (number < min || number > max) {
                String range = max == Integer.MAX_VALUE ? "不能小于 " + min : "应在 " + min + " 到 " + max + " 之间";
                throw new BadValueException("数值" + range + "：「" + value + "」(out of range)");
            }
            return (int) number;
        };
    }

    static Boolean yesNo(String value) {
        Boolean flag = BOOLEANS.get(value.toLowerCase(Locale.ROOT));
        if (flag == null) {
            throw new BadValueException("应为 是/否（或 true/false、1/0）：「" + value + "」(not a yes/no value)");
        }
        return flag;
    }

    static Integer weekday(String value) {
        Integer day = WEEKDAYS.get(value);
        if (day != null) {
            return day;
        }
        if (value.matches("[1-7]")) {
            return Integer.parseInt(value);
        }
        throw new BadValueException("拜访日应为 1–7 或 周一…周日：「" + value + "」(bad weekday)");
    }

    static Integer priceClass(String value) {
        Integer priceClass = PRICE_CLASSES.get(value);
        if (priceClass != null) {
            return priceClass;
        }
        if (value.matches("[1-5]")) {
            return Integer.parseInt(value);
        }
        throw new BadValueException("价类应为 一类…五类 或 1–5：「" + value + "」(bad price class)");
    }

    static String status(String value) {
        String status = STATUSES.get(value.toUpperCase(Locale.ROOT));
        if (status == null) {
            throw new BadValueException("状态应为 正常、暂停 或 注销：「" + value + "」(bad status)");
        }
        return status;
    }

    static Function<String, String> oneOf(List<String> allowed) {
        return value -> {
            if (!allowed.contains(value)) {
                throw new BadValueException("「" + value + "」不是允许的值，应为：" + String.join("、", allowed)
                        + " (not an allowed value)");
            }
            return value;
        };
    }
}
