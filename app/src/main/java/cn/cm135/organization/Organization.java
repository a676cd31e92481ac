package cn.cm135.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only questions about the organisation that the cycle and the access rules ask. */
@Service
@Transactional(readOnly = true)
public class Organization {

    /** A customer manager with the market manager who approves their work (null when none is set). */
    public record CustomerManager(String id, String name, String marketManagerId) {
    }

    private static final String CUSTOMER_MANAGERS = """
            select s.staff_id, s.name, d.market_manager_id
              from staff s left join market_department d on d.code = s.department_code
             where s.role = 'CUSTOMER_MANAGER' and s.active = true
            """;

    private final JdbcTemplate jdbc;

    Organization(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomerManager> activeCustomerManagers() {
        return jdbc.query(CUSTOMER_MANAGERS + " order by s.staff_id",
                (rs, i) -> new CustomerManager(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    public Optional<CustomerManager> customerManager(String staffId) {
        return jdbc.query(CUSTOMER_MANAGERS + " and s.staff_id = ?",
                (rs, i) -> new CustomerManager(rs.getString(1), rs.getString(2), rs.getString(3)), staffId)
                .stream().findFirst();
    }

    public Optional<String> nameOf(String staffId) {
        return jdbc.queryForList("select name from staff where staff_id = ?", String.class, staffId)
                .stream().findFirst();
    }
}
