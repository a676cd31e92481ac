package cn.cm135.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects bad rows. Keeps the first {@code limit} for the report (a wrong export can produce an
 * error on every one of a million rows) but counts all of them.
 */
final class ImportErrors {

    private final int limit;
    private final List<ImportError> kept = new ArrayList<>();
    private long total;

    ImportErrors(int limit) {
        this.limit = limit;
    }

    void add(long line, String column, String message) {
        total++;
        if (kept.size() < limit) {
            kept.add(new ImportError(line, column, message));
        }
    }

    boolean any() {
        return total > 0;
    }

    long total() {
        return total;
    }

    List<ImportError> kept() {
        return List.copyOf(kept);
    }
}
