/**
 * CSV import of master data and order lines: organisation, retail customers, cigarette specs,
 * order lines and field observations, as a company exports them (中文 or English headers, UTF-8 or
 * GBK). A file is validated row by row and imported all or nothing; importing it again changes
 * nothing. Entry points: {@code POST /api/imports/{kind}} and a command-line run of the jar.
 */
package cn.cm135.imports;
