package cn.cm135.jdbc;

import org.springframework.jdbc.core.DataClassRowMapper;

/**
 * Spring's {@link DataClassRowMapper} for SQL that names its columns in snake_case ({@code customer_id} for the
 * record component {@code customerId}), as cm135's SQL does. Spring's looks a camelCase component up as
 * {@code customerid} first and only then as {@code customer_id}; the JDBC driver answers the first with an
 * SQLException (its message formatted, its stack filled), so every multi-word column of every row cost an
 * exception: 2 % of all CPU samples of a month through Tasklist's REST, most of it in the analysis forms' 300 rows
 * × 40 columns (README, "A whole month through REST"). This mapper asks for the snake_case name first.
 */
public class SnakeCaseRowMapper<T> extends DataClassRowMapper<T> {

    public SnakeCaseRowMapper(Class<T> mappedClass) {
        super(mappedClass);
    }

    @Override
    protected String lowerCaseName(String name) {
        return underscoreName(name);
    }
}
