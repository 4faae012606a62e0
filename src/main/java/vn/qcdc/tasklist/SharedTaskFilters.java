package vn.qcdc.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.springframework.context.MessageSource;
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

    /** Message keys (i18n/tasklist) of the filters' names; each filter is stored under its Vietnamese name. */
    static final List<String> FILTERS = List.of("tasklist.filter.mine", "tasklist.filter.unit",
            "tasklist.filter.due-soon", "tasklist.filter.overdue");
    static final String VARIABLE_LABEL = "tasklist.variable.card";
    static final Locale VI = Locale.forLanguageTag("vi");

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final MessageSource messages;

    SharedTaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
            MessageSource messages) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(FILTERS.get(0), -10, "#2e7d32",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        ensure(FILTERS.get(1), -5, "#1565c0",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc());
        ensure(FILTERS.get(2), 0, "#f9a825",
                taskService.createTaskQuery().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusDays(3).toDate()}").orderByDueDate().asc());
        ensure(FILTERS.get(3), 5, "#c62828",
                taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
    }

    /**
     * What Tasklist shows of the shared filters, stored in Vietnamese, in another language: each stored name,
     * description and variable label beside its translation.
     */
    Map<String, String> translations(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : FILTERS) {
            texts.put(messages.getMessage(key, null, VI), messages.getMessage(key, null, locale));
            texts.put(messages.getMessage(key + ".description", null, VI),
                    messages.getMessage(key + ".description", null, locale));
        }
        texts.put(messages.getMessage(VARIABLE_LABEL, null, VI), messages.getMessage(VARIABLE_LABEL, null, locale));
        return texts;
    }

    private void ensure(String key, int priority, String color, TaskQuery query) {
        String name = messages.getMessage(key, null, VI);
        String description = messages.getMessage(key + ".description", null, VI);
        Filter filter = filterService.createFilterQuery().filterName(name).list().stream()
                .filter(f -> f.getOwner() == null).findFirst()
                .orElseGet(() -> filterService.newTaskFilter(name));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", List.of(Map.of("name", TaskCards.CARD, "label", messages.getMessage(VARIABLE_LABEL, null, VI))));
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
