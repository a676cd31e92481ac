package cn.cm135.demo;

import java.util.EnumMap;
import java.util.Map;

/** Counts the rows per table on their way to another sink: what the generator reports as written. */
final class CountingSink implements DatasetSink {

    private final DatasetSink target;
    private final long[] counts = new long[Table.values().length];

    CountingSink(DatasetSink target) {
        this.target = target;
    }

    @Override
    public void write(Row row) {
        counts[row.table().ordinal()]++;
        target.write(row);
    }

    @Override
    public void finish() {
        target.finish();
    }

    Map<Table, Long> counts() {
        Map<Table, Long> result = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            result.put(table, counts[table.ordinal()]);
        }
        return result;
    }
}
