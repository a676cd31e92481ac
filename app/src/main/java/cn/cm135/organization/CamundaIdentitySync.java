package cn.cm135.organization;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps Camunda's users and group memberships in step with the {@code staff} table: one Camunda
 * user per staff member (user id = staff id), in the group of its role while active.
 */
@Service
public class CamundaIdentitySync {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final IdentityService identityService;
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    CamundaIdentitySync(IdentityService identityService, JdbcTemplate jdbc) {
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    private record StaffRow(String id, String name, String role, boolean active) {
    }

    /** Creates the role groups that do not exist yet; names are what Tasklist and Admin show. */
    @Transactional
    public void ensureGroups() {
        ensureGroup(Groups.CUSTOMER_MANAGERS, "客户经理");
        ensureGroup(Groups.MARKET_MANAGERS, "市场经理");
        ensureGroup(Groups.MARKETING_CENTRE, "营销中心");
        ensureGroup(Groups.ADMIN, "系统管理员");
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Groups.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    /** Creates missing users, renames changed ones and fixes memberships of every staff member. */
    @Transactional
    public IdentitySyncResult syncAll(InitialPasswords passwords) {
        ensureGroups();
        Map<String, String> created = new LinkedHashMap<>();
        int updated = 0;
        List<StaffRow> staff = jdbc.query("select staff_id, name, role, active from staff order by staff_id",
                (rs, i) -> new StaffRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        for (StaffRow row : staff) {
            User user = identityService.createUserQuery().userId(row.id()).singleResult();
            boolean changed = false;
            if (user == null) {
                user = identityService.newUser(row.id());
                String password = passwords == InitialPasswords.USER_ID ? row.id() : randomPassword();
                user.setPassword(password);
                fillName(user, row.name());
                identityService.saveUser(user);
                created.put(row.id(), password);
            } else if (!row.name().equals(fullName(user))) {
                fillName(user, row.name());
                identityService.saveUser(user);
                changed = true;
            }
            changed |= syncMembership(row);
            if (changed && !created.containsKey(row.id())) {
                updated++;
            }
        }
        return new IdentitySyncResult(created, updated);
    }

    private boolean syncMembership(StaffRow row) {
        String wanted = Groups.ofRole(row.role());
        Set<String> roleGroups = Set.of(Groups.CUSTOMER_MANAGERS, Groups.MARKET_MANAGERS, Groups.MARKETING_CENTRE);
        Set<String> current = identityService.createGroupQuery().groupMember(row.id()).list().stream()
                .map(Group::getId).filter(roleGroups::contains).collect(Collectors.toSet());
        boolean changed = false;
        for (String group : current) {
            if (!row.active() || !group.equals(wanted)) {
                identityService.deleteMembership(row.id(), group);
                changed = true;
            }
        }
        if (row.active() && !current.contains(wanted)) {
            identityService.createMembership(row.id(), wanted);
            changed = true;
        }
        return changed;
    }

    // Chinese names have no first/last split that matters here; Tasklist shows "first last".
    private static void fillName(User user, String name) {
        user.setFirstName(name);
        user.setLastName("");
    }

    private static String fullName(User user) {
        String last = user.getLastName() == null ? "" : user.getLastName();
        return (user.getFirstName() + last).trim();
    }

    private String randomPassword() {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }
}
