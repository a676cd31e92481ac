package cn.cm135.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a CSV file holds; the lower-case name is the path segment and the CLI value. */
enum ImportKind {
    ORGANIZATION("组织架构"),
    CUSTOMERS("零售户"),
    SPECS("卷烟规格"),
    ORDERS("订单明细"),
    OBSERVATIONS("市场采集"),
    TARGETS("客户经理目标");

    private final String label;

    ImportKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ImportKind> fromPathName(String name) {
        return Arrays.stream(values()).filter(k -> k.pathName().equalsIgnoreCase(name.trim())).findFirst();
    }
}
