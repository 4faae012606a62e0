package vn.qcdc.oversight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The board's table of open tasks and of completed steps, written only by {@link BoardRecorder}. */
@Repository
class BoardTasks {

    record Row(String taskId, String processInstanceId, String rootProcessInstanceId, String processKey,
            String processName, String taskKey, String taskName, String unitCode, String candidateGroup,
            String assignee, Date createdAt, Date dueAt, Date followUpAt, String ruleCode, String businessKey,
            String kind, String title) {
    }

    private final JdbcTemplate jdbc;
    private final BoardCounters counters;
    private final Clock clock;

    BoardTasks(JdbcTemplate jdbc, BoardCounters counters, Clock clock) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.clock = clock;
    }

    void insert(Row r) {
        jdbc.update("insert into oversight_task (task_id, process_instance_id, root_process_instance_id,"
                + " process_definition_key, process_name, task_definition_key, task_name, unit_code, candidate_group,"
                + " assignee, created_at, due_at, follow_up_at, rule_code, business_key, kind, title)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.taskId(), r.processInstanceId(), r.rootProcessInstanceId(), r.processKey(),
                cut(r.processName(), 255), r.taskKey(), cut(r.taskName(), 255), r.unitCode(), r.candidateGroup(),
                r.assignee(), time(r.createdAt() == null ? Date.from(clock.instant()) : r.createdAt()),
                time(r.dueAt()), time(r.followUpAt()), r.ruleCode(), r.businessKey(), r.kind(), cut(r.title(), 200));
        counters.open(r.unitCode(), time(r.dueAt()), r.assignee(), 1);
    }

    /** What the counters know of a row: its unit, due date and assignee, or null where it has none. */
    private Object[] counted(String taskId) {
        return jdbc.query("select unit_code, due_at, assignee from oversight_task where task_id = ?",
                rs -> rs.next() ? new Object[] {rs.getString(1), rs.getTimestamp(2), rs.getString(3)} : null, taskId);
    }

    void update(String taskId, String name, String assignee, Date dueAt, Date followUpAt, String candidateGroup,
            String unitCode) {
        Object[] old = counted(taskId);
        if (old == null) {
            return;
        }
        jdbc.update("update oversight_task set task_name = ?, assignee = ?, due_at = ?, follow_up_at = ?,"
                + " candidate_group = ?, unit_code = ? where task_id = ?", cut(name, 255), assignee, time(dueAt),
                time(followUpAt), candidateGroup, unitCode, taskId);
        counters.open((String) old[0], (Timestamp) old[1], (String) old[2], -1);
        counters.open(unitCode, time(dueAt), assignee, 1);
    }

    void completed(String taskId, Date dueAt) {
        Timestamp now = time(clock.instant());
        jdbc.update("insert into oversight_step_done (task_id, unit_code, process_definition_key, task_definition_key,"
                + " due_at, completed_at) select task_id, unit_code, process_definition_key, task_definition_key, ?, ?"
                + " from oversight_task where task_id = ?", time(dueAt), now, taskId);
        Object[] old = remove(taskId);
        if (old != null) {
            counters.done((String) old[0], time(dueAt), now);
        }
    }

    void delete(String taskId) {
        remove(taskId);
    }

    /** Deletes a row and takes it off the open counters; what it held, or null where there was none. */
    private Object[] remove(String taskId) {
        Object[] old = counted(taskId);
        if (old == null || jdbc.update("delete from oversight_task where task_id = ?", taskId) != 1) {
            return null;
        }
        counters.open((String) old[0], (Timestamp) old[1], (String) old[2], -1);
        return old;
    }

    private static Timestamp time(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
