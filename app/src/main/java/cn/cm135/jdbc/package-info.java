/**
 * What the features' plain-SQL reads share: {@link cn.cm135.jdbc.SnakeCaseRowMapper} maps a row whose columns are
 * named in snake_case onto a record.
 */
package cn.cm135.jdbc;
