package cn.cm135.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Work that must not run twice at once (V61, {@code work_lock}): {@link #hold} row-locks the work's row until the
 * caller's transaction ends, so that a second job or node doing the same work waits for the first to commit and
 * then finds it done, instead of writing the same keys and failing.
 */
@Component
public class WorkLock {

    private final JdbcTemplate jdbc;

    WorkLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits until no other transaction holds {@code name}, then holds it until this transaction ends (holding it
     * again in the same transaction returns at once).
     *
     * @throws IllegalStateException when {@code work_lock} has no row {@code name} (a migration adds each one)
     */
    public void hold(String name) {
        if (jdbc.queryForList("select name from work_lock where name = ? for update", String.class, name).isEmpty()) {
            throw new IllegalStateException("No row '" + name + "' in work_lock (a migration adds each one)");
        }
    }
}
