package cn.cm135.organization;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A random initial password from an organisation import must be changed before its user works.
 * Camunda raises no event when a password changes, so the salted hash it stored for the initial
 * password is remembered: as long as the user's hash is unchanged, so is the password.
 */
@Service
public class InitialPasswordPolicy {

    private static final String CURRENT_HASH = "select pwd_ from act_id_user where id_ = ?";

    private final JdbcTemplate jdbc;

    InitialPasswordPolicy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void remember(String userId) {
        jdbc.update("update staff set initial_password_hash = (" + CURRENT_HASH + ") where staff_id = ?", userId, userId);
    }

    /** True while the user still has the initial password an import gave them. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String userId) {
        List<String> initial = jdbc.queryForList(
                "select initial_password_hash from staff where staff_id = ? and initial_password_hash is not null",
                String.class, userId);
        if (initial.isEmpty()) {
            return false;
        }
        List<String> current = jdbc.queryForList(CURRENT_HASH, String.class, userId);
        return !current.isEmpty() && initial.get(0).equals(current.get(0));
    }
}
