package cn.cm135.imports;

/**
 * What an import did to one table.
 *
 * @param written   rows sent to the table (a row of the file may write several tables)
 * @param inserted  new rows
 * @param updated   existing rows whose values changed
 * @param unchanged rows already exactly as in the file
 */
record TableCount(String table, long written, long inserted, long updated, long unchanged) {
}
