package cn.cm135.customer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which retail customers a customer manager serves: those on the routes of their areas (片区 → 线路 →
 * 零售户). Forms list them as options; services check that a submitted customer is the manager's.
 */
@Service
@Transactional(readOnly = true)
public class CustomerDirectory {

    /** A customer as a form shows it. */
    public record CustomerRef(long id, String licenceNo, String name, String areaCode, String routeCode) {

        /** "name（licence）", how a customer manager recognises a retailer in a list. */
        public String label() {
            return name + "（" + licenceNo + "）";
        }
    }

    private static final String OF_MANAGER = """
              from retail_customer c
              join route r on r.code = c.route_code
              join area a on a.code = r.area_code
             where a.customer_manager_id = :cm
            """;

    private final NamedParameterJdbcTemplate jdbc;

    CustomerDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The active customers of the customer manager, by route and licence number. */
    public List<CustomerRef> activeCustomers(String customerManagerId) {
        return jdbc.query("select c.id, c.licence_no, c.name, r.area_code, c.route_code" + OF_MANAGER
                + " and c.status = 'ACTIVE' order by c.route_code, c.licence_no",
                new MapSqlParameterSource("cm", customerManagerId),
                (rs, i) -> new CustomerRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** Those of {@code customerIds} that are not the customer manager's (any status), in id order. */
    public Set<Long> notServedBy(String customerManagerId, Collection<Long> customerIds) {
        Set<Long> foreign = new TreeSet<>(customerIds);
        if (!foreign.isEmpty()) {
            foreign.removeAll(jdbc.queryForList("select c.id" + OF_MANAGER + " and c.id in (:ids)", new MapSqlParameterSource("cm", customerManagerId)
                            .addValue("ids", customerIds), Long.class));
        }
        return foreign;
    }

    /** The area codes of the customer manager, in code order. */
    public List<String> areas(String customerManagerId) {
        return jdbc.queryForList("select code from area where customer_manager_id = :cm order by code",
                new MapSqlParameterSource("cm", customerManagerId), String.class);
    }
}
