package cn.cm135.report;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.organization.Groups;
import cn.cm135.web.ApiException;

/**
 * Who may see whose reports, by the same rules as the tasks: a customer manager their own customers and
 * areas, a market manager those of the customer managers in the departments they lead, the marketing
 * centre and administrators everything, nobody else anything. Resolves the {@code cm}, {@code mm} or
 * {@code customer} parameter (or, without one, the user's own scope) to a checked {@link ReportScope}.
 */
@Component
class ReportAccess {

    /** The scope parameters of a report URL, as given (null when absent). */
    record Requested(String customerManager, String marketManager, String customer) {
    }

    private record Staff(String id, String name, String marketManagerId) {
    }

    private record Customer(long id, String licence, String name, String area, String customerManagerId,
            String customerManagerName, String marketManagerId) {
    }

    private static final String NO_ROLE = "没有查看报表的权限：报表只对客户经理、市场经理、营销中心和系统管理员开放";

    private final NamedParameterJdbcTemplate jdbc;

    ReportAccess(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    ReportScope scope(Authentication user, Report report, Requested requested) {
        boolean centre = has(user, Groups.ADMIN) || has(user, Groups.MARKETING_CENTRE);
        if (!centre && !has(user, Groups.MARKET_MANAGERS) && !has(user, Groups.CUSTOMER_MANAGERS)) {
            throw ApiException.forbidden(NO_ROLE);
        }
        long given = Stream.of(requested.customerManager(), requested.marketManager(),
                requested.customer()).filter(p -> p != null && !p.isBlank()).count();
        if (given > 1) {
            throw ApiException.badRequest("cm", "cm、mm、customer 只能指定其中一个");
        }
        if (report.scopeKind() == ReportScope.Kind.CUSTOMER) {
            if (blank(requested.customer())) {
                throw ApiException.badRequest("customer", report.title() + "按零售户查看：请指定 customer=零售户编号");
            }
            return customer(user, centre, requested.customer().strip());
        }
        if (!blank(requested.customer())) {
            throw ApiException.badRequest("customer", report.title() + "不按零售户查看：请改用 cm=客户经理 或 mm=市场经理");
        }
        if (!blank(requested.customerManager())) {
            return customerManager(user, centre, requested.customerManager().strip());
        }
        if (!blank(requested.marketManager())) {
            return team(user, centre, requested.marketManager().strip());
        }
        return own(user);
    }

    /** The user's own scope: the whole centre, a market manager's team, or a customer manager's areas. */
    @Transactional(readOnly = true)
    ReportScope own(Authentication user) {
        if (has(user, Groups.ADMIN) || has(user, Groups.MARKETING_CENTRE)) {
            return ReportScope.centre("范围：全部片区（营销中心）");
        }
        if (has(user, Groups.MARKET_MANAGERS)) {
            return team(user, false, user.getName());
        }
        if (has(user, Groups.CUSTOMER_MANAGERS)) {
            return customerManager(user, false, user.getName());
        }
        throw ApiException.forbidden(NO_ROLE);
    }

    private ReportScope customerManager(Authentication user, boolean centre, String id) {
        Staff cm = jdbc.query("""
                select s.staff_id, s.name, d.market_manager_id
                  from staff s left join market_department d on d.code = s.department_code
                 where s.staff_id = :id and s.role = 'CUSTOMER_MANAGER'
                """, new MapSqlParameterSource("id", id),
                (rs, i) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3))).stream().findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "cm", "没有客户经理 " + id));
        if (!centre && !user.getName().equals(cm.id()) && !user.getName().equals(cm.marketManagerId())) {
            throw ApiException.forbidden("无权查看客户经理 " + id + " 的报表：客户经理只能查看本人的客户，"
                    + "市场经理只能查看本团队客户经理的客户");
        }
        return ReportScope.customerManagers(List.of(cm.id()),
                "片区：" + areasOf(List.of(cm.id())) + "　客户经理：" + cm.name());
    }

    private ReportScope team(Authentication user, boolean centre, String marketManagerId) {
        List<String> departments = jdbc.queryForList(
                "select name from market_department where market_manager_id = :mm order by code",
                new MapSqlParameterSource("mm", marketManagerId), String.class);
        if (departments.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "mm", "没有市场经理 " + marketManagerId + " 负责的市场部");
        }
        if (!centre && !user.getName().equals(marketManagerId)) {
            throw ApiException.forbidden("无权查看市场经理 " + marketManagerId + " 团队的报表：市场经理只能查看本团队");
        }
        List<Staff> team = jdbc.query("""
                select s.staff_id, s.name, d.market_manager_id
                  from staff s join market_department d on d.code = s.department_code
                 where d.market_manager_id = :mm and s.role = 'CUSTOMER_MANAGER'
                 order by s.staff_id
                """, new MapSqlParameterSource("mm", marketManagerId),
                (rs, i) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3)));
        String manager = jdbc.queryForList("select name from staff where staff_id = :id",
                new MapSqlParameterSource("id", marketManagerId), String.class).stream().findFirst()
                .orElse(marketManagerId);
        return ReportScope.customerManagers(team.stream().map(Staff::id).toList(),
                "市场部：" + String.join("、", departments) + "　市场经理：" + manager + "　客户经理："
                        + String.join("、", team.stream().map(Staff::name).toList()) + "（" + team.size() + " 人）");
    }

    private ReportScope customer(Authentication user, boolean centre, String raw) {
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("customer", "customer 应为零售户编号（数字），收到 " + raw);
        }
        Customer customer = find(id).orElseThrow(
                () -> new ApiException(HttpStatus.NOT_FOUND, "customer", "没有编号为 " + id + " 的零售户"));
        if (!centre && !user.getName().equals(customer.customerManagerId())
                && !user.getName().equals(customer.marketManagerId())) {
            throw ApiException.forbidden("无权查看零售户 " + id + " 的报表：客户经理只能查看本人片区的零售户，"
                    + "市场经理只能查看本团队的零售户");
        }
        return ReportScope.customer(id, customer.customerManagerId(), "零售户：" + customer.name() + "（许可证号 "
                + customer.licence() + "）　片区：" + customer.area() + "　客户经理：" + customer.customerManagerName());
    }

    private Optional<Customer> find(long id) {
        return jdbc.query("""
                select c.id, c.licence_no, c.name, a.name as area_name, a.customer_manager_id, s.name as cm_name,
                       d.market_manager_id
                  from retail_customer c
                  join route r on r.code = c.route_code
                  join area a on a.code = r.area_code
                  join staff s on s.staff_id = a.customer_manager_id
                  left join market_department d on d.code = s.department_code
                 where c.id = :id
                """, new MapSqlParameterSource("id", id), (rs, i) -> new Customer(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .stream().findFirst();
    }

    private String areasOf(List<String> customerManagerIds) {
        List<String> areas = jdbc.queryForList(
                "select name from area where customer_manager_id in (:ids) order by code",
                new MapSqlParameterSource("ids", customerManagerIds), String.class);
        return areas.isEmpty() ? "（无）" : String.join("、", areas);
    }

    private static boolean has(Authentication user, String group) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(group::equals);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
