package vn.qcdc.oversight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.qcdc.identity.Role;
import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.rules.DeadlineService;
import vn.qcdc.rules.WorkingDayCalendar;

/**
 * Tells supervisors of overdue tasks, level by level, once per task and level. Run by the
 * {@code oversight-sweep} process's timer. Each notification is its own transaction and its unique key
 * (task, level) decides who tells: a second node, a retried job or a repeated timer finds the row taken
 * and tells no one. Mails go to the outbox in the same transaction.
 */
@Component("escalationLadder")
public class EscalationLadder {

    private static final Logger log = LoggerFactory.getLogger(EscalationLadder.class);
    static final int PAGE = 1_000;

    /** One notification as the board and the home page list it. */
    public record Notice(long id, String taskId, int level, String unitCode, String taskUnit, String businessKey,
            String taskName, Instant dueAt, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final EscalationRules rules;
    private final OrgUnitRepository units;
    private final WorkingDayCalendar calendar;
    private final DeadlineService deadlines;
    private final IdentityService identityService;
    private final MailOutbox outbox;
    private final TransactionTemplate each;
    private final Clock clock;

    EscalationLadder(JdbcTemplate jdbc, EscalationRules rules, OrgUnitRepository units, WorkingDayCalendar calendar,
            DeadlineService deadlines, @Lazy IdentityService identityService, MailOutbox outbox,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.units = units;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.identityService = identityService;
        this.outbox = outbox;
        this.each = new TransactionTemplate(transactions);
        this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Notifies every overdue task at every level it has reached and not yet been notified at; returns how many. */
    public int sweep() {
        Sweep sweep = new Sweep(rules.all(), clock.instant());
        int told = 0;
        for (int level = 1; level <= EscalationRules.MAX_LEVEL; level++) {
            final int l = level;
            Optional<Integer> fewestDays = sweep.ladder.stream().filter(r -> r.level() == l)
                    .map(EscalationRules.Rule::delayWorkingDays).min(Integer::compare);
            if (fewestDays.isEmpty()) {
                continue;
            }
            Timestamp cutoff = Timestamp.from(sweep.cutoff(fewestDays.get()));
            // in pages by (due date, task): tasks still waiting for a longer delay never hide the others
            Timestamp afterDue = new Timestamp(0);
            String afterTask = "";
            List<Map<String, Object>> reached;
            do {
                reached = jdbc.queryForList("select task_id, process_definition_key, task_definition_key, unit_code,"
                        + " business_key, task_name, due_at from oversight_task t where t.due_at < ?"
                        + " and (t.due_at > ? or (t.due_at = ? and t.task_id > ?)) and t.unit_code is not null"
                        + " and not exists (select 1 from oversight_notification n where n.task_id = t.task_id"
                        + " and n.level = ?) order by t.due_at, t.task_id fetch first " + PAGE + " rows only",
                        cutoff, afterDue, afterDue, afterTask, level);
                for (Map<String, Object> task : reached) {
                    if (tell(sweep, task, level)) {
                        told++;
                    }
                }
                if (!reached.isEmpty()) {
                    Map<String, Object> last = reached.get(reached.size() - 1);
                    afterDue = (Timestamp) last.get("due_at");
                    afterTask = (String) last.get("task_id");
                }
            } while (reached.size() == PAGE);
        }
        return told;
    }

    /**
     * Tells one task's level if its rule's delay has passed; a level whose rule names no unit (above the top
     * of the tree) or that no rule covers for this step is recorded as told to no one, so it is not read again.
     */
    private boolean tell(Sweep sweep, Map<String, Object> task, int level) {
        Optional<EscalationRules.Rule> rule = EscalationRules.effective(sweep.ladder,
                (String) task.get("process_definition_key"), (String) task.get("task_definition_key"), level);
        if (rule.isPresent()) {
            Instant due = ((Timestamp) task.get("due_at")).toInstant();
            if (!due.isBefore(sweep.cutoff(rule.get().delayWorkingDays()))) {
                return false;
            }
        }
        Optional<String> unit = rule.flatMap(r -> sweep.unitAbove((String) task.get("unit_code"), r.unitOffset()));
        return notify(sweep, task, level, unit.orElse(null), unit.isPresent() ? rule.get().role() : null);
    }

    /** What one sweep reads once: the ladder, the cut-off of each delay, the units and their recipients. */
    private final class Sweep {
        final List<EscalationRules.Rule> ladder;
        final Instant now;
        private final Map<Integer, Instant> cutoffs = new HashMap<>();
        private final Map<String, Optional<OrgUnit>> unitsByCode = new HashMap<>();
        private final Map<String, List<User>> recipients = new HashMap<>();

        Sweep(List<EscalationRules.Rule> ladder, Instant now) {
            this.ladder = ladder;
            this.now = now;
        }

        /**
         * The instant before which a due date has been passed by {@code days} working days: now itself for
         * none; else the start of the day after the working day {@code days} working days before today.
         */
        Instant cutoff(int days) {
            return cutoffs.computeIfAbsent(days, d -> {
                if (d == 0) {
                    return now;
                }
                ZoneId zone = deadlines.zone();
                LocalDate day = calendar.subtractWorkingDays(now.atZone(zone).toLocalDate(), d);
                Instant startOfNext = day.plusDays(1).atStartOfDay(zone).toInstant();
                return startOfNext.isBefore(now) ? startOfNext : now;
            });
        }

        Optional<OrgUnit> unit(String code) {
            return unitsByCode.computeIfAbsent(code, units::find);
        }

        Optional<String> unitAbove(String unitCode, int offset) {
            String code = unitCode;
            for (int i = 0; i < offset && code != null; i++) {
                code = unit(code).map(OrgUnit::parentCode).orElse(null);
            }
            return Optional.ofNullable(code);
        }

        String unitName(String code) {
            return unit(code).map(OrgUnit::name).orElse(code);
        }

        List<User> recipients(String unit, String role) {
            String group = Role.ofGroupId(role).map(r -> r.groupOf(unit)).orElse(unit + ":" + role);
            return recipients.computeIfAbsent(group, g -> SystemAuthority.call(identityService,
                    () -> identityService.createUserQuery().memberOfGroup(g).list()));
        }
    }

    private boolean notify(Sweep sweep, Map<String, Object> task, int level, String unit, String role) {
        String taskId = (String) task.get("task_id");
        try {
            return Boolean.TRUE.equals(each.execute(status -> {
                jdbc.update("insert into oversight_notification (task_id, level, unit_code, role, task_unit,"
                        + " business_key, task_name, due_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", taskId,
                        level, unit, role, task.get("unit_code"), task.get("business_key"), task.get("task_name"),
                        task.get("due_at"), Timestamp.from(sweep.now));
                Long id = jdbc.queryForObject("select id from oversight_notification where task_id = ? and level = ?",
                        Long.class, taskId, level);
                if (unit == null) {
                    return false;
                }
                for (User user : sweep.recipients(unit, role)) {
                    outbox.queueNotification(id, user, level, task, sweep.unitName(unit));
                }
                return true;
            }));
        } catch (DuplicateKeyException taken) {
            // another node or an earlier run told them already
            return false;
        } catch (RuntimeException e) {
            log.warn("Không báo được việc quá hạn {} bậc {}: {}", taskId, level, e.toString());
            return false;
        }
    }

    /** The latest notifications to the units where {@code userId} holds a role the ladder tells. */
    public List<Notice> forUser(String userId, int limit) {
        List<String> groups = SystemAuthority.call(identityService, () -> identityService.createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).filter(g -> g.contains(":")).toList());
        if (groups.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (String group : groups) {
            int colon = group.lastIndexOf(':');
            where.append(where.isEmpty() ? "" : " or ").append("(unit_code = ? and role = ?)");
            args.add(group.substring(0, colon));
            args.add(group.substring(colon + 1));
        }
        return jdbc.query("select id, task_id, level, unit_code, task_unit, business_key, task_name, due_at, created_at"
                + " from oversight_notification where " + where + " order by created_at desc, id desc fetch first "
                + Math.max(1, Math.min(limit, 200)) + " rows only", (rs, i) -> new Notice(rs.getLong(1),
                        rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), OversightBoard.instant(rs, "due_at"), OversightBoard.instant(rs, "created_at")),
                args.toArray());
    }
}
