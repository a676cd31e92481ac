package cn.cm135.demo;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import cn.cm135.organization.Groups;

/**
 * Creates the Camunda groups of the three roles if missing: the identity sync puts staff into them but
 * expects them to exist, and a freshly generated database has none.
 */
@Component
class RoleGroups {

    private static final Map<String, String> NAMES = Map.of(
            Groups.CUSTOMER_MANAGERS, "客户经理",
            Groups.MARKET_MANAGERS, "市场经理",
            Groups.MARKETING_CENTRE, "营销中心");

    private final IdentityService identityService;

    RoleGroups(IdentityService identityService) {
        this.identityService = identityService;
    }

    void ensureExist() {
        NAMES.forEach((id, name) -> {
            if (identityService.createGroupQuery().groupId(id).singleResult() == null) {
                Group group = identityService.newGroup(id);
                group.setName(name);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        });
    }
}
