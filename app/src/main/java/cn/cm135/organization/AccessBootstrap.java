package cn.cm135.organization;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotent start-up set-up of who may do what: the role groups, a first administrator, and the
 * group-wide authorizations. Task-level access needs no grant here: the engine authorizes the
 * assignee of each task, and the process assigns every task to exactly one person.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessBootstrap implements ApplicationRunner {

    static final String ADMIN_USER = "admin";
    static final String CYCLE_PROCESS = "cycle-135-monthly";

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final CamundaIdentitySync identitySync;
    private final Cm135Properties properties;

    AccessBootstrap(IdentityService identityService, AuthorizationService authorizationService,
            CamundaIdentitySync identitySync, Cm135Properties properties) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.identitySync = identitySync;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        identitySync.ensureGroups();
        ensureAdministrator();
        grantGroupPermissions();
    }

    private void ensureAdministrator() {
        if (identityService.createUserQuery().memberOfGroup(Groups.ADMIN).count() > 0) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = false;
        if (password == null || password.isBlank()) {
            generated = !properties.demo();
            password = generated ? HexFormat.of().formatHex(new SecureRandom().generateSeed(8)) : ADMIN_USER;
        }
        User admin = identityService.createUserQuery().userId(ADMIN_USER).singleResult();
        if (admin == null) {
            admin = identityService.newUser(ADMIN_USER);
            admin.setFirstName("系统管理员");
            admin.setLastName("");
            admin.setPassword(password);
            identityService.saveUser(admin);
        }
        identityService.createMembership(ADMIN_USER, Groups.ADMIN);
        grant(Groups.ADMIN, Resources.APPLICATION, ANY, Permissions.ALL);
        for (Resources resource : Resources.values()) {
            grant(Groups.ADMIN, resource, ANY, Permissions.ALL);
        }
        if (generated) {
            log.warn("Created user '{}' with the one-time password '{}'; change it in Admin now.", ADMIN_USER, password);
        }
    }

    private void grantGroupPermissions() {
        for (String group : new String[] {Groups.CUSTOMER_MANAGERS, Groups.MARKET_MANAGERS, Groups.MARKETING_CENTRE}) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Lets Tasklist show the process name beside a task; instances stay invisible.
            grant(group, Resources.PROCESS_DEFINITION, CYCLE_PROCESS, Permissions.READ);
        }
        // Market managers follow their team's months in Cockpit; each instance is granted to its market
        // manager when it starts (cn.cm135.cycle.CycleService), so other teams' stay invisible.
        grant(Groups.MARKET_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        String centre = Groups.MARKETING_CENTRE;
        grant(centre, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // The marketing centre starts months (POST /api/cycles/...), which runs as that user.
        grant(centre, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(centre, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE);
        grant(centre, Resources.TASK, ANY, Permissions.READ);
        grant(centre, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(centre, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(centre, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
