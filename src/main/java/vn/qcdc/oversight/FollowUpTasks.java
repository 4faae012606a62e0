package vn.qcdc.oversight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Role;
import vn.qcdc.cases.CaseNotes;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.rules.DeadlineService;
import vn.qcdc.rules.WorkingDayCalendar;

/**
 * The supervisors' follow-up task that a process's {@code overdue} escalation opens: it names the late
 * step, by how much it is late and who holds it, and links to the board; what the supervisor writes
 * reaches the late task as a comment and the case page as a supervision note. Which task is late is
 * decided here, from the board's own table, and kept in {@code oversight_follow_up}: never from a
 * variable a user could have written.
 */
@Component
class FollowUpTasks {

    static final String TASK_KEY = "follow-up-overdue";
    static final String SUMMARY_VARIABLE = "followUpSummary";
    static final String NOTE_VARIABLE = "followUpNote";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final JdbcTemplate jdbc;
    private final WorkingDayCalendar calendar;
    private final DeadlineService deadlines;
    private final MessageSource messages;
    private final CaseRepository cases;
    private final CaseNotes notes;
    private final Clock clock;

    FollowUpTasks(JdbcTemplate jdbc, WorkingDayCalendar calendar, DeadlineService deadlines, MessageSource messages,
            CaseRepository cases, CaseNotes notes, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.messages = messages;
        this.cases = cases;
        this.notes = notes;
        this.clock = clock;
    }

    static boolean isFollowUp(DelegateTask task) {
        return TASK_KEY.equals(task.getTaskDefinitionKey());
    }

    /** On creation, before the board records the task: find the late step and say so on the task. */
    void created(DelegateTask task) {
        Instant now = clock.instant();
        List<Map<String, Object>> late = jdbc.queryForList("select task_id, task_name, due_at, assignee, candidate_group,"
                + " business_key from oversight_task where process_instance_id = ? and task_definition_key <> ?"
                + " and due_at <= ? order by due_at desc fetch first 1 rows only", task.getProcessInstanceId(),
                TASK_KEY, Timestamp.from(now));
        if (late.isEmpty()) {
            return;
        }
        Map<String, Object> step = late.get(0);
        Instant due = ((Timestamp) step.get("due_at")).toInstant();
        LocalDate dueDay = due.atZone(deadlines.zone()).toLocalDate();
        LocalDate today = now.atZone(deadlines.zone()).toLocalDate();
        int lateDays = calendar.workingDaysAfter(dueDay, today);
        String holder = holder((String) step.get("assignee"), (String) step.get("candidate_group"));
        String key = step.get("business_key") == null ? "" : (String) step.get("business_key");
        String summary = "Bước «%s» quá hạn %s (hạn %s), đang ở: %s. Xem, giao lại hoặc hẹn theo dõi trên bảng theo dõi: %s"
                .formatted(step.get("task_name"), lateDays == 0 ? "từ hôm nay" : lateDays + " ngày làm việc",
                        dueDay.format(DAY), holder, "/oversight" + (key.isEmpty() ? "" : "?q=" + key));
        jdbc.update("insert into oversight_follow_up (task_id, late_task_id, late_step_name, late_due_at, holder,"
                + " created_at) values (?, ?, ?, ?, ?, ?)", task.getId(), step.get("task_id"), step.get("task_name"),
                step.get("due_at"), holder, Timestamp.from(now));
        task.setDescription(summary);
        task.setVariableLocal(SUMMARY_VARIABLE, summary);
    }

    /** On completion: the supervisor's note reaches the late task and the case page. */
    void completed(DelegateTask task) {
        List<Map<String, Object>> link = jdbc.queryForList("select late_task_id, late_step_name from oversight_follow_up"
                + " where task_id = ?", task.getId());
        Object note = task.getVariable(NOTE_VARIABLE);
        if (link.isEmpty() || !(note instanceof String text) || text.isBlank()) {
            return;
        }
        String lateTask = (String) link.get(0).get("late_task_id");
        jdbc.update("update oversight_follow_up set note = ?, completed_at = ? where task_id = ?", text,
                Timestamp.from(clock.instant()), task.getId());
        List<Map<String, Object>> open = jdbc.queryForList("select process_instance_id, business_key from oversight_task"
                + " where task_id = ?", lateTask);
        if (!open.isEmpty()) {
            // the supervisor writes on a task of another role: the comment is this step's, not their permission's
            var context = Context.getCommandContext();
            context.runWithoutAuthorization(() -> new AddCommentCmd(lateTask,
                    (String) open.get(0).get("process_instance_id"), "Đôn đốc: " + text).execute(context));
        }
        String businessKey = open.isEmpty() ? null : (String) open.get(0).get("business_key");
        String author = Context.getCommandContext().getAuthenticatedUserId();
        if (businessKey != null) {
            cases.findByCode(businessKey).ifPresent(c -> notes.add(c.id(), CaseNotes.Visibility.SUPERVISION,
                    author == null ? "giám sát" : author, "Đôn đốc bước «" + link.get(0).get("late_step_name") + "»: "
                            + text));
        }
    }

    private String holder(String assignee, String group) {
        if (assignee != null) {
            return "cán bộ " + assignee;
        }
        if (group == null) {
            return "chưa giao";
        }
        return Role.ofGroupId(group.substring(group.lastIndexOf(':') + 1))
                .map(r -> "nhóm " + messages.getMessage(r.messageKey(), null, r.messageKey(), VIETNAMESE))
                .orElse("nhóm " + group) + " (chưa ai nhận)";
    }
}
