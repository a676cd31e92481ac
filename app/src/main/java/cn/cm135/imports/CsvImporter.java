package cn.cm135.imports;

import java.util.List;

/** Reads, checks and writes the rows of one {@link ImportKind}. */
interface CsvImporter {

    ImportKind kind();

    List<Column> columns();

    /**
     * Checks every row, reporting bad ones through the row, and writes good rows through batches of
     * the context. Must read to the end even after a bad row, so that all errors are reported.
     */
    void importRows(CsvRows rows, ImportContext context);
}
