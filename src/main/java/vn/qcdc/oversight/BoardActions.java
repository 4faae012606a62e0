package vn.qcdc.oversight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.cases.CaseNotes;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.platform.Refusal;

/**
 * What a supervisor does on the board to tasks of their units: reassign, set a follow-up date, comment.
 * A batch is checked whole before anything changes and runs in one transaction: one bad task, user
 * or date and none of the batch changes. The engine records each change in its operation log under
 * the supervisor's name; the reason goes to the task's comments, the case's supervision notes and
 * the board's action table.
 */
@Service
class BoardActions {

    static final int MAX_BATCH = 200;
    static final int MAX_REASON = 1000;

    enum Action { REASSIGN, FOLLOW_UP, COMMENT }

    private record Target(String taskId, String processInstanceId, String unitCode, String candidateGroup,
            String assignee, String businessKey) {
    }

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final CaseRepository cases;
    private final CaseNotes notes;
    private final Clock clock;

    BoardActions(ProcessEngine engine, JdbcTemplate jdbc, CaseRepository cases, CaseNotes notes, Clock clock) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.cases = cases;
        this.notes = notes;
        this.clock = clock;
    }

    @Transactional
    public int reassign(String actor, OversightScope.Scope scope, Collection<String> taskIds, String userId,
            String reason) {
        String why = checkedReason(reason);
        List<Target> targets = targets(scope, taskIds);
        String assignee = userId == null ? "" : userId.trim();
        IdentityService identity = engine.getIdentityService();
        User user = assignee.isEmpty() ? null : SystemAuthority.call(identity,
                () -> identity.createUserQuery().userId(assignee).singleResult());
        if (user == null) {
            throw new Refusal("oversight.refused.user-unknown", assignee);
        }
        Set<String> groups = SystemAuthority.call(identity, () -> new LinkedHashSet<>(identity.createGroupQuery()
                .groupMember(assignee).list().stream().map(g -> g.getId()).toList()));
        if (groups.isEmpty()) {
            throw new Refusal("oversight.refused.user-disabled", assignee);
        }
        for (Target t : targets) {
            if (t.candidateGroup() == null || !groups.contains(t.candidateGroup())) {
                throw new Refusal("oversight.refused.user-role", assignee, t.taskId(),
                        t.candidateGroup() == null ? "" : t.candidateGroup());
            }
        }
        run(actor, context -> {
            for (Target t : targets) {
                new AssignTaskCmd(t.taskId(), assignee).execute(context);
                new AddCommentCmd(t.taskId(), t.processInstanceId(), why).execute(context);
                record(t, Action.REASSIGN, actor, t.assignee(), assignee, why);
            }
            return null;
        });
        return targets.size();
    }

    @Transactional
    public int followUp(String actor, OversightScope.Scope scope, Collection<String> taskIds, LocalDate day,
            String reason, java.time.ZoneId zone) {
        String why = checkedReason(reason);
        List<Target> targets = targets(scope, taskIds);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (day == null || day.isBefore(today)) {
            throw new Refusal("oversight.refused.follow-up-past", day == null ? "" : day);
        }
        Date followUp = Date.from(day.atStartOfDay(zone).toInstant());
        run(actor, context -> {
            for (Target t : targets) {
                TaskEntity task = context.getTaskManager().findTaskById(t.taskId());
                Date old = task.getFollowUpDate();
                task.setFollowUpDate(followUp);
                new SaveTaskCmd(task).execute(context);
                new AddCommentCmd(t.taskId(), t.processInstanceId(), why).execute(context);
                record(t, Action.FOLLOW_UP, actor, old == null ? null : old.toInstant().toString(), day.toString(), why);
            }
            return null;
        });
        return targets.size();
    }

    @Transactional
    public int comment(String actor, OversightScope.Scope scope, Collection<String> taskIds, String text) {
        String why = checkedReason(text);
        List<Target> targets = targets(scope, taskIds);
        run(actor, context -> {
            for (Target t : targets) {
                new AddCommentCmd(t.taskId(), t.processInstanceId(), why).execute(context);
                record(t, Action.COMMENT, actor, null, null, why);
            }
            return null;
        });
        return targets.size();
    }

    private static String checkedReason(String reason) {
        String why = reason == null ? "" : reason.trim();
        if (vn.qcdc.platform.PlainText.hasControlCharacters(why)) {
            throw new Refusal("oversight.refused.control");
        }
        if (why.isEmpty()) {
            throw new Refusal("oversight.refused.reason");
        }
        if (why.length() > MAX_REASON) {
            throw new Refusal("oversight.refused.reason-long", MAX_REASON);
        }
        return why;
    }

    /** The open tasks of a batch, each in the scope; refused whole for any unknown, closed or foreign task. */
    private List<Target> targets(OversightScope.Scope scope, Collection<String> taskIds) {
        Set<String> ids = new LinkedHashSet<>();
        if (taskIds != null) {
            taskIds.stream().filter(id -> id != null && !id.isBlank()).map(String::trim).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw new Refusal("oversight.refused.no-tasks");
        }
        if (ids.size() > MAX_BATCH) {
            throw new Refusal("oversight.refused.batch", MAX_BATCH);
        }
        List<Target> targets = new ArrayList<>();
        Map<String, Target> found = new java.util.HashMap<>();
        jdbc.query("select task_id, process_instance_id, unit_code, candidate_group, assignee, business_key"
                + " from oversight_task where task_id in (" + OversightBoard.marks(ids.size()) + ")",
                (java.sql.ResultSet rs) -> {
                    found.put(rs.getString(1), new Target(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }, ids.toArray());
        for (String id : ids) {
            Target t = found.get(id);
            if (t == null || !scope.covers(t.unitCode())) {
                // a task of another unit is refused exactly like one that does not exist
                throw new Refusal("oversight.refused.task", id.length() > 64 ? id.substring(0, 64) : id);
            }
            targets.add(t);
        }
        return targets;
    }

    /** Runs a batch as one engine command on the supervisor's name, without the engine's task grants. */
    private void run(String actor, Command<Void> work) {
        IdentityService identity = engine.getIdentityService();
        Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(actor, previous == null ? List.of() : previous.getGroupIds());
        try {
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(context -> context.runWithoutAuthorization(() -> work.execute(context)));
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            } else {
                identity.clearAuthentication();
            }
        }
    }

    private void record(Target t, Action action, String actor, String oldValue, String newValue, String reason) {
        Instant now = clock.instant();
        jdbc.update("insert into oversight_action (task_id, action, actor, acted_at, old_value, new_value, reason)"
                + " values (?, ?, ?, ?, ?, ?, ?)", t.taskId(), action.name(), actor, Timestamp.from(now), oldValue,
                newValue, reason);
        if (t.businessKey() != null) {
            cases.findByCode(t.businessKey()).ifPresent(c -> notes.add(c.id(), CaseNotes.Visibility.SUPERVISION,
                    actor, noteText(action, newValue, reason)));
        }
    }

    private static String noteText(Action action, String newValue, String reason) {
        return switch (action) {
            case REASSIGN -> "Giao lại cho " + newValue + ". Lý do: " + reason;
            case FOLLOW_UP -> "Hẹn theo dõi ngày " + newValue + ". Lý do: " + reason;
            case COMMENT -> "Ý kiến giám sát: " + reason;
        };
    }
}
