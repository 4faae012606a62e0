package vn.qcdc.tasklist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.qcdc.platform.Refusal;
import vn.qcdc.rules.WorkingDayCalendar;

/**
 * What qcdc-tasklist.js asks as Tasklist renders: the system's zone and the Tasklist texts of the user's language,
 * and each listed task's statutory deadline in working days, counted now (a stored text would be wrong by the next
 * morning). Tasks are read with the engine's query as the signed-in user, so a task they may not read is not
 * answered for.
 */
@RestController
@Tag(name = "Tasklist", description = "Helpers of the Tasklist customisation")
class TasklistApi {

    static final int MAX_IDS = 100;
    /** Engine ids (UUIDs or numbers) and nothing else. */
    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Map<String, String> SHORTCUTS = Map.of("claimTask", "tasklist.shortcut.claim",
            "focusFilter", "tasklist.shortcut.filter", "focusList", "tasklist.shortcut.list",
            "focusForm", "tasklist.shortcut.form", "startProcess", "tasklist.shortcut.start");

    private final TaskService taskService;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final WorkingDayCalendar calendar;
    private final SharedTaskFilters filters;
    private final MessageSource messages;
    private final Clock clock;

    TasklistApi(TaskService taskService, IdentityService identityService, AuthorizationService authorizationService,
            WorkingDayCalendar calendar, SharedTaskFilters filters, MessageSource messages, Clock clock) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.calendar = calendar;
        this.filters = filters;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param zone the zone every date is shown in; {@code texts}: our Vietnamese texts in Tasklist (shared filters'
     *        names) beside their translation, empty in Vietnamese; {@code mayCreateTasks}: whether Tasklist's "Tạo
     *        công việc" is of any use to this user (the engine refuses a free-standing task to everyone else)
     */
    record Settings(String zone, boolean mayCreateTasks, Map<String, String> texts, Map<String, String> shortcuts) {
    }

    /** One task's deadline: {@code state} is ok, soon (3 working days or fewer), today or overdue. */
    record Deadline(String text, String state, String title) {
    }

    @GetMapping("/api/tasklist/settings")
    @Operation(summary = "Múi giờ, văn bản của Tasklist theo ngôn ngữ (vi, en), quyền tạo công việc riêng lẻ")
    Settings settings(@RequestParam(defaultValue = "vi") String locale) {
        Locale language = language(locale);
        Authentication user = identityService.getCurrentAuthentication();
        boolean mayCreate = user != null && authorizationService.isUserAuthorized(user.getUserId(), user.getGroupIds(),
                Permissions.CREATE, Resources.TASK);
        Map<String, String> shortcuts = new LinkedHashMap<>();
        SHORTCUTS.forEach((name, key) -> shortcuts.put(name, messages.getMessage(key, null, language)));
        return new Settings(clock.getZone().getId(), mayCreate,
                language.equals(SharedTaskFilters.VI) ? Map.of() : filters.translations(language), shortcuts);
    }

    @GetMapping("/api/tasklist/deadlines")
    @Operation(summary = "Hạn xử lý của các công việc đang hiển thị, bằng lời, theo ngày làm việc (tối đa 100 mã)")
    Map<String, Deadline> deadlines(@RequestParam List<String> ids, @RequestParam(defaultValue = "vi") String locale) {
        if (ids.size() > MAX_IDS) {
            throw Refusal.ofField("ids", "tasklist.ids.too-many", MAX_IDS);
        }
        if (!ids.stream().allMatch(id -> TASK_ID.matcher(id).matches())) {
            throw Refusal.ofField("ids", "tasklist.ids.invalid");
        }
        Map<String, Deadline> answer = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return answer;
        }
        Locale language = language(locale);
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        // the engine's query as the signed-in user: only the tasks they may read
        List<Task> tasks = taskService.createTaskQuery().taskIdIn(ids.stream().distinct().toArray(String[]::new))
                .list().stream().filter(t -> t.getDueDate() != null).toList();
        LocalDate first = today;
        LocalDate last = today;
        for (Task task : tasks) {
            LocalDate day = LocalDate.ofInstant(task.getDueDate().toInstant(), zone);
            first = day.isBefore(first) ? day : first;
            last = day.isAfter(last) ? day : last;
        }
        WorkingDayCalendar.Span span = calendar.span(first, last);
        for (Task task : tasks) {
            Instant due = task.getDueDate().toInstant();
            LocalDate day = LocalDate.ofInstant(due, zone);
            String title = messages.getMessage("tasklist.due.title", new Object[] {DAY.format(due.atZone(zone))},
                    language);
            answer.put(task.getId(), deadline(span, today, day, now.isAfter(due), title, language));
        }
        return answer;
    }

    private Deadline deadline(WorkingDayCalendar.Span span, LocalDate today, LocalDate day, boolean passed,
            String title, Locale language) {
        if (day.isAfter(today)) {
            int left = span.workingDaysAfter(today, day);
            return new Deadline(text("tasklist.due.left", language, left), left <= 3 ? "soon" : "ok", title);
        }
        if (day.equals(today)) {
            return passed ? new Deadline(text("tasklist.due.overdue-today", language), "overdue", title)
                    : new Deadline(text("tasklist.due.today", language), "today", title);
        }
        int late = span.workingDaysAfter(day, today);
        return new Deadline(late == 0 ? text("tasklist.due.overdue-off-day", language)
                : text("tasklist.due.overdue", language, late), "overdue", title);
    }

    private String text(String key, Locale language, Object... args) {
        return messages.getMessage(key, args, language);
    }

    /** Tasklist's own choice: English when asked, Vietnamese otherwise. */
    private static Locale language(String locale) {
        return "en".equalsIgnoreCase(locale) ? Locale.ENGLISH : SharedTaskFilters.VI;
    }
}
