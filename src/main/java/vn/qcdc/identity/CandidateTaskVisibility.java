package vn.qcdc.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which open tasks a user's task queries return, in a shape that stays linear at a province's volume.
 *
 * <p>The engine gives every candidate group, candidate user and assignee of a task an authorization
 * row of its own, and its task query joins those rows with {@code RESOURCE_ID_ IN (task, definition,
 * '*')}: a join that no database can hash or merge, quadratic in a group's open tasks (18.5 s for one
 * count at 85,000 cases). Those rows name exactly the task's candidates and assignees, so for a user
 * who holds no grant over every task, a task query here asks the identity links instead: tasks where
 * the user, or one of the user's groups, is a candidate, assigned or not. Every assignee is made a
 * candidate user of the task as it is assigned, so the tasks given to a user directly stay theirs.
 * Users with a grant over every task (auditors, admins) keep the engine's own check, which is cheap
 * for them. The per-task rows stay: they decide single-task reads, claims and completions as before.
 */
@Component
public class CandidateTaskVisibility extends AbstractProcessEnginePlugin {

    private static volatile boolean byCandidates = true;
    private static volatile ObjectProvider<SupervisedUnits> supervisedUnits;

    CandidateTaskVisibility(@Value("${qcdc.tasks.visibility-by-candidates:true}") boolean byCandidates,
            ObjectProvider<SupervisedUnits> supervisedUnits) {
        CandidateTaskVisibility.byCandidates = byCandidates;
        CandidateTaskVisibility.supervisedUnits = supervisedUnits;
    }

    /**
     * The candidate groups of every unit a supervisor oversees (their units and those below), for the groups a user
     * holds; empty for anyone who supervises nothing. Supervisors read those tasks (lists, forms, variables), they do
     * not claim or complete them.
     */
    static Set<String> supervisedGroups(Collection<String> groups) {
        List<String> supervised = groups.stream().map(Role.SUPERVISOR::unitOfGroup).flatMap(Optional::stream).toList();
        ObjectProvider<SupervisedUnits> provider = supervisedUnits;
        SupervisedUnits units = provider == null ? null : provider.getIfAvailable();
        if (supervised.isEmpty() || units == null) {
            return Set.of();
        }
        Set<String> candidateGroups = new LinkedHashSet<>();
        for (String unit : units.withSubtrees(supervised)) {
            for (Role role : Role.unitScopedRoles()) {
                candidateGroups.add(role.groupOf(unit));
            }
        }
        return candidateGroups;
    }

    /** The engine's own join for every user when {@code false}: how the benchmark measures the code before. */
    public static void byCandidates(boolean enabled) {
        byCandidates = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new ByCandidates();
            }
        });
        configuration.setCustomSessionFactories(factories);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AssigneesAsCandidates());
    }

    static final class ByCandidates extends AuthorizationManager {

        @Override
        public void configureTaskQuery(TaskQueryImpl query) {
            super.configureTaskQuery(query);
            AuthorizationCheck check = query.getAuthCheck();
            if (!byCandidates || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
                    || check.isRevokeAuthorizationCheckEnabled() || readsEveryTask(check)) {
                return;
            }
            check.setAuthorizationCheckEnabled(false);
            List<String> held = check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds();
            Set<String> visible = new LinkedHashSet<>(held);
            visible.addAll(supervisedGroups(held));
            List<String> groups = List.copyOf(visible);
            // an "or" block of its own is ANDed with the rest of the query; inside it both criteria are one
            // condition on the same identity-link row, so the database reads the user's links by index
            TaskQueryImpl own = (TaskQueryImpl) query.or();
            own.taskCandidateUser(check.getAuthUserId());
            if (!groups.isEmpty()) {
                own.taskCandidateGroupIn(groups);
            }
            own.includeAssignedTasks();
            own.endOr();
        }

        /**
         * The engine narrows a user's groups to those named by some authorization, reading every distinct
         * group of {@code ACT_RU_AUTHORIZATION} once per command: with a row per open task, a scan of the
         * whole table in front of every call. A group without authorizations matches no row anyway.
         */
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (!byCandidates) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            return authenticatedGroupIds == null ? List.of() : List.copyOf(authenticatedGroupIds);
        }

        /**
         * A supervisor may read (not claim, not complete) a task of a unit they oversee: its form, its variables, its
         * candidates, as Tasklist opens it from the overdue filters.
         */
        @Override
        public void checkAuthorization(CompositePermissionCheck permissionCheck) {
            try {
                super.checkAuthorization(permissionCheck);
            } catch (AuthorizationException refused) {
                if (!byCandidates || !supervisesTaskRead(permissionCheck)) {
                    throw refused;
                }
            }
        }

        private boolean supervisesTaskRead(CompositePermissionCheck permissionCheck) {
            Authentication current = getCurrentAuthentication();
            if (current == null || current.getGroupIds() == null) {
                return false;
            }
            List<String> taskIds = permissionCheck.getAllPermissionChecks().stream()
                    .filter(c -> c.getResource() != null && c.getResource().resourceType() == Resources.TASK.resourceType()
                            && c.getResourceId() != null && (c.getPermission() == Permissions.READ
                                    || c.getPermission() == TaskPermissions.READ_VARIABLE))
                    .map(PermissionCheck::getResourceId).distinct().toList();
            if (taskIds.isEmpty()) {
                return false;
            }
            Set<String> supervised = supervisedGroups(current.getGroupIds());
            return !supervised.isEmpty() && taskIds.stream().allMatch(id -> {
                TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(id);
                return task != null && task.getIdentityLinks().stream().anyMatch(link ->
                        IdentityLinkType.CANDIDATE.equals(link.getType()) && supervised.contains(link.getGroupId()));
            });
        }

        private boolean readsEveryTask(AuthorizationCheck check) {
            String user = check.getAuthUserId();
            List<String> groups = check.getAuthGroupIds();
            return isAuthorized(user, groups, Permissions.READ, Resources.TASK, "*")
                    || isAuthorized(user, groups, Permissions.READ_TASK, Resources.PROCESS_DEFINITION, "*");
        }
    }

    /** The engine grants an assignee the task; this makes them its candidate too, which the queries above read. */
    static final class AssigneesAsCandidates extends AbstractBpmnParseListener {

        static final TaskListener ADD_ASSIGNEE = (DelegateTask task) -> {
            String assignee = task.getAssignee();
            if (assignee != null && task.getCandidates().stream().noneMatch(
                    link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && assignee.equals(link.getUserId()))) {
                task.addCandidateUser(assignee);
            }
        };

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition definition = taskDefinitionOf(activity);
            if (definition != null) {
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ADD_ASSIGNEE);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, ADD_ASSIGNEE);
            }
        }

        private static TaskDefinition taskDefinitionOf(ActivityImpl activity) {
            Object behavior = activity.getActivityBehavior();
            return behavior instanceof UserTaskActivityBehavior userTask
                    ? userTask.getTaskDefinition() : null;
        }
    }
}
