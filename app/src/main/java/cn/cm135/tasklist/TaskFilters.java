package cn.cm135.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cm135.organization.Groups;

/**
 * Tasklist lists nothing until a filter exists. These shared filters, created idempotently at
 * start-up and authorised to the groups that need them, give every user their work on first login.
 * Each filter's query runs as the logged-in user ({@code currentUser()}), so a shared filter still
 * shows each person only their own tasks.
 */
@Component
@Order(10)
class TaskFilters implements ApplicationRunner {

    static final String MY_TASKS = "我的任务";
    static final String MY_APPROVALS = "待我审批";
    static final String DUE_SOON = "即将到期";
    static final String OVERDUE = "已逾期";

    private static final List<String> ALL_ROLES =
            List.of(Groups.CUSTOMER_MANAGERS, Groups.MARKET_MANAGERS, Groups.MARKETING_CENTRE);

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ensure(MY_TASKS, -10, "分配给我的全部任务", mine(), ALL_ROLES);
        ensure(MY_APPROVALS, -5, "本团队客户经理提交、等待我审批的事项",
                mine().taskDefinitionKeyLike("Task_Approve%"), List.of(Groups.MARKET_MANAGERS));
        ensure(DUE_SOON, 0, "两天内到期的任务",
                mine().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(2).toDate()}"), ALL_ROLES);
        ensure(OVERDUE, 5, "已超过到期时间仍未完成的任务",
                mine().dueBeforeExpression("${now()}"), ALL_ROLES);
    }

    private TaskQuery mine() {
        return taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    }

    private void ensure(String name, int priority, String description, TaskQuery query, List<String> groups) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        filter.setQuery(query);
        filter.setProperties(properties);
        filterService.saveFilter(filter);
        for (String group : groups) {
            grantRead(group, filter.getId());
        }
    }

    private void grantRead(String group, String filterId) {
        boolean granted = authorizationService.createAuthorizationQuery()
                .groupIdIn(group).resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
        if (!granted) {
            Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
