package cn.cm135.imports;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.cm135.organization.Organization;
import cn.cm135.planning.targets.TargetService;
import cn.cm135.planning.targets.TargetValues;
import cn.cm135.rules.Refusal;

/**
 * Customer managers' monthly targets (客户经理目标), e.g. from the annual plan, written as drafts
 * through {@link TargetService} so that the same rules hold as in the form: values within range,
 * and an approved or locked month refuses, which makes the whole file a rejected import.
 */
@Component
class TargetImport implements CsvImporter {

    static final Column CUSTOMER_MANAGER = Column.required("客户经理工号", "customer_manager_id", 64);
    static final Column PERIOD = Column.required("月份", "period", 7);
    static final Column VOLUME = Column.required("目标销量", "volume");
    static final Column UNIT_VALUE = Column.required("目标单条值", "unit_value");
    static final Column KEY_BRAND_GROWTH = Column.required("重点品牌增长率", "key_brand_growth");
    static final Column VISITS = Column.required("拜访次数", "visits");

    private static final Map<String, Column> COLUMN_OF_FIELD = Map.of("volume", VOLUME, "unitValue", UNIT_VALUE,
            "keyBrandGrowth", KEY_BRAND_GROWTH, "visits", VISITS);

    private final TargetService targets;
    private final Organization organization;

    TargetImport(TargetService targets, Organization organization) {
        this.targets = targets;
        this.organization = organization;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.TARGETS;
    }

    @Override
    public List<Column> columns() {
        return List.of(CUSTOMER_MANAGER, PERIOD, VOLUME, UNIT_VALUE, KEY_BRAND_GROWTH, VISITS);
    }

    @Override
    public void importRows(CsvRows rows, ImportContext context) {
        Map<TargetService.ImportOutcome, Long> outcomes = new java.util.EnumMap<>(TargetService.ImportOutcome.class);
        context.forEachRow(rows, row -> {
            String customerManager = row.read(CUSTOMER_MANAGER);
            if (customerManager != null && organization.customerManager(customerManager).isEmpty()) {
                row.reject(CUSTOMER_MANAGER, "客户经理「" + customerManager + "」不存在或已停用 (unknown customer manager)");
            }
            YearMonth month = row.read(PERIOD, TargetImport::month);
            TargetValues values = new TargetValues(row.read(VOLUME, Cells.integerBetween(0, Integer.MAX_VALUE)),
                    row.read(UNIT_VALUE, Cells::decimal), row.read(KEY_BRAND_GROWTH, Cells::decimal),
                    row.read(VISITS, Cells.integerBetween(0, Integer.MAX_VALUE)));
            if (row.bad()) {
                return;
            }
            try {
                outcomes.merge(targets.importDraft(customerManager, month, values), 1L, Long::sum);
            } catch (Refusal e) {
                row.reject(e.field() == null ? PERIOD : COLUMN_OF_FIELD.getOrDefault(e.field(), PERIOD), e.getMessage());
            }
        });
        long created = outcomes.getOrDefault(TargetService.ImportOutcome.CREATED, 0L);
        long updated = outcomes.getOrDefault(TargetService.ImportOutcome.UPDATED, 0L);
        long unchanged = outcomes.getOrDefault(TargetService.ImportOutcome.UNCHANGED, 0L);
        context.count(new TableCount("monthly_target", created + updated + unchanged, created, updated, unchanged));
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadValueException("月份格式应为 yyyy-MM，例如 2026-11 (bad month)");
        }
    }
}
