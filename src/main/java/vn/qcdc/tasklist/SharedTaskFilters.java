package vn.qcdc.tasklist;

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

import vn.qcdc.identity.Role;

/**
 * The shared Tasklist filters every officer starts from: my tasks, my unit's tasks, due soon and
 * overdue, all sorted by due date. What each shows is still limited by the engine's authorizations.
 */
@Component
@Order(50)
class SharedTaskFilters implements ApplicationRunner {

    static final String MY_TASKS = "Việc của tôi";
    static final String MY_UNIT = "Việc của đơn vị tôi";
    static final String DUE_SOON = "Sắp đến hạn (3 ngày)";
    static final String OVERDUE = "Quá hạn";

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    SharedTaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(MY_TASKS, -10, "#2e7d32", "Công việc đã giao cho tôi",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        ensure(MY_UNIT, -5, "#1565c0", "Công việc của các nhóm tôi thuộc về, kể cả việc đồng nghiệp đã nhận",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc());
        ensure(DUE_SOON, 0, "#f9a825", "Đến hạn trong 3 ngày tới",
                taskService.createTaskQuery().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusDays(3).toDate()}").orderByDueDate().asc());
        ensure(OVERDUE, 5, "#c62828", "Đã quá hạn xử lý theo luật định",
                taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
    }

    private void ensure(String name, int priority, String color, String description, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).list().stream()
                .filter(f -> f.getOwner() == null).findFirst()
                .orElseGet(() -> filterService.newTaskFilter(name));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", List.of(Map.of("name", TaskCards.CARD, "label", "Hồ sơ")));
        filter.setProperties(properties);
        filter.setQuery(query);
        filterService.saveFilter(filter);
        for (Role role : Role.unitScopedRoles()) {
            if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                    .resourceId(filter.getId()).groupIdIn(role.groupId()).count() == 0) {
                Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                read.setGroupId(role.groupId());
                read.setResource(Resources.FILTER);
                read.setResourceId(filter.getId());
                read.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(read);
            }
        }
    }
}
