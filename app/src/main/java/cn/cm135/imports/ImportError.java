package cn.cm135.imports;

/**
 * One reason a file was rejected.
 *
 * @param line    physical line in the file, the header being line 1
 * @param column  the header as written in the file, or null when the whole row or file is meant
 * @param message the reason, in 中文
 */
record ImportError(long line, String column, String message) {
}
