package cn.cm135.planning.targets;

import java.util.HashMap;
import java.util.Map;

/** Target values as form variables: numbers as Long/Double, which form-js number fields display. */
final class TargetViews {

    private TargetViews() {
    }

    /** Variables {@code volume, unitValue, ...}, or {@code forecastVolume, ...} with a prefix. */
    static Map<String, Object> values(String prefix, TargetValues values) {
        Map<String, Object> map = new HashMap<>();
        map.put(name(prefix, "volume"), values.volume() == null ? null : values.volume().longValue());
        map.put(name(prefix, "unitValue"), values.unitValue() == null ? null : values.unitValue().doubleValue());
        map.put(name(prefix, "keyBrandGrowth"),
                values.keyBrandGrowth() == null ? null : values.keyBrandGrowth().doubleValue());
        map.put(name(prefix, "visits"), values.visits() == null ? null : values.visits().longValue());
        return map;
    }

    private static String name(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
