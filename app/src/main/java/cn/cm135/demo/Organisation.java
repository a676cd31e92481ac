package cn.cm135.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The marketing centre, its market departments (市场部, one market manager each), their customer
 * managers and each customer manager's area (片区) with five routes (线路), Monday to Friday.
 * City departments come first; the second half of the departments serve the countryside.
 */
final class Organisation {

    static final String[] WEEKDAY_NAMES = {"周一", "周二", "周三", "周四", "周五"};

    /** One customer manager's area, with what the customer generator needs to place retailers in it. */
    record AreaPlan(int index, String areaCode, String customerManagerId, int departmentIndex, boolean urban,
                    String placeName, String addressPrefix, List<String> routeCodes) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<AreaPlan> areas = new ArrayList<>();

    Organisation(GeneratorSettings settings) {
        build(settings);
    }

    List<AreaPlan> areas() {
        return areas;
    }

    void emit(Consumer<Row> sink) {
        rows.forEach(sink);
    }

    private void build(GeneratorSettings settings) {
        DatasetSize size = settings.size();
        String prefix = settings.codePrefix();
        SplittableRandom random = RandomStreams.of(settings.seed(), "organisation", 0);
        Set<String> usedNames = new HashSet<>();
        int urbanDepartments = urbanDepartments(size);
        CityMap map = new CityMap(settings);
        List<Row> departments = new ArrayList<>();
        List<Row> staff = new ArrayList<>();
        List<Row> managers = new ArrayList<>();
        List<Row> areaRows = new ArrayList<>();
        List<Row> routeRows = new ArrayList<>();
        String digits = "%0" + size.staffNumberDigits() + "d";
        staff.add(new Row.Staff(prefix + "yx01", uniqueName(random, usedNames), "MARKETING_CENTRE", null, phone(random)));
        Set<String> usedPlaces = new HashSet<>();
        int cmNumber = 0;
        for (int d = 0; d < size.departments; d++) {
            boolean urban = d < urbanDepartments;
            String county = ChineseNames.COUNTIES[(d - urbanDepartments + ChineseNames.COUNTIES.length)
                    % ChineseNames.COUNTIES.length];
            String code = prefix + String.format("SC%02d", d + 1);
            String name = size.departments == 2 ? (urban ? "城区市场部" : "农村市场部")
                    : urban ? ChineseNames.URBAN_DEPARTMENTS[d % ChineseNames.URBAN_DEPARTMENTS.length]
                    : county + "市场部";
            CityMap.Point depot = map.depot(d);
            departments.add(new Row.Department(code, name, depot.longitudeDecimal(), depot.latitudeDecimal()));
            String managerId = prefix + String.format("mm" + digits, d + 1);
            staff.add(new Row.Staff(managerId, uniqueName(random, usedNames), "MARKET_MANAGER", code, phone(random)));
            managers.add(new Row.DepartmentManager(code, managerId));
            for (int c = 0; c < size.customerManagersPerDepartment; c++) {
                cmNumber++;
                String cmId = prefix + String.format("cm" + digits, cmNumber);
                staff.add(new Row.Staff(cmId, uniqueName(random, usedNames), "CUSTOMER_MANAGER", code, phone(random)));
                String place = uniquePlace(random, usedPlaces, urban);
                String areaCode = prefix + String.format("PQ" + digits, cmNumber);
                areaRows.add(new Row.Area(areaCode, place + "片区", cmId));
                String addressPrefix = urban
                        ? ChineseNames.CITY + ChineseNames.DISTRICTS[d % ChineseNames.DISTRICTS.length]
                        : ChineseNames.CITY + county + place;
                List<String> routeCodes = new ArrayList<>();
                for (int weekday = 1; weekday <= 5; weekday++) {
                    String routeCode = areaCode + "-" + weekday;
                    routeCodes.add(routeCode);
                    routeRows.add(new Row.Route(routeCode,
                            place + "片区" + "一二三四五".charAt(weekday - 1) + "线(" + WEEKDAY_NAMES[weekday - 1] + ")",
                            areaCode, weekday));
                }
                areas.add(new AreaPlan(cmNumber - 1, areaCode, cmId, d, urban, place, addressPrefix, routeCodes));
            }
        }
        rows.addAll(departments);
        rows.addAll(staff);
        rows.addAll(managers);
        rows.addAll(areaRows);
        rows.addAll(routeRows);
    }

    /** City departments come first: the first half (at least one). */
    static int urbanDepartments(DatasetSize size) {
        return Math.max(1, size.departments / 2);
    }

    private static String uniqueName(SplittableRandom random, Set<String> used) {
        String name;
        do {
            name = ChineseNames.personName(random);
        } while (!used.add(name));
        return name;
    }

    // Urban areas are named after a main road (人民路), rural ones after their township (石桥镇); one area
    // per road or township, numbered (人民路二) in the unlikely case the pool runs out.
    private static String uniquePlace(SplittableRandom random, Set<String> used, boolean urban) {
        for (int attempt = 0; ; attempt++) {
            String stem = urban ? RandomStreams.pick(random, ChineseNames.ROADS) : RandomStreams.pick(random, ChineseNames.TOWNS);
            if (attempt > 200) {
                stem = stem + "一二三四五六七八九".charAt(attempt % 9);
            }
            if (used.add((urban ? "U" : "R") + stem)) {
                return stem + (urban ? RandomStreams.pick(random, ChineseNames.ROAD_KINDS)
                        : RandomStreams.chance(random, 0.8) ? "镇" : "乡");
            }
        }
    }

    private static String phone(SplittableRandom random) {
        return RandomStreams.pick(random, new String[] {"139", "138", "137", "135", "158", "189", "133"})
                + String.format("%08d", random.nextInt(100_000_000));
    }
}
