/**
 * What the features' plain SQL shares: {@link cn.cm135.jdbc.SnakeCaseRowMapper} maps a row whose columns are named
 * in snake_case onto a record; {@link cn.cm135.jdbc.WorkLock} keeps work from running twice at once.
 */
package cn.cm135.jdbc;
