package vn.qcdc.oversight;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.context.MessageSource;
import java.util.Locale;

import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.rules.DeadlineService;

/** An officer's own deadlines: the tasks assigned to them and those of their groups, overdue first. */
@Controller
class MyDeadlines {

    static final int LIMIT = 200;

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final DeadlineService deadlines;
    private final MessageSource messages;
    private final Clock clock;

    MyDeadlines(JdbcTemplate jdbc, IdentityService identityService, DeadlineService deadlines, MessageSource messages,
            Clock clock) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GetMapping("/my-deadlines")
    String page(Authentication user, Model model) {
        List<String> groups = SystemAuthority.call(identityService, () -> identityService.createGroupQuery()
                .groupMember(user.getName()).list().stream().map(Group::getId).toList());
        List<Object> args = new ArrayList<>();
        args.add(user.getName());
        StringBuilder sql = new StringBuilder("select task_id, business_key, kind, title, process_name, task_name,"
                + " assignee, candidate_group, due_at from oversight_task where assignee = ?");
        if (!groups.isEmpty()) {
            sql.append(" or (assignee is null and candidate_group in (").append(OversightBoard.marks(groups.size()))
                    .append("))");
            args.addAll(groups);
        }
        sql.append(" order by case when due_at is null then 1 else 0 end, due_at, task_id fetch first ")
                .append(LIMIT).append(" rows only");
        List<Map<String, Object>> rows = jdbc.queryForList(sql.toString(), args.toArray());
        Timestamp now = Timestamp.from(clock.instant());
        rows.forEach(r -> r.put("overdue", r.get("due_at") instanceof Timestamp due && due.before(now)));
        model.addAttribute("rows", rows);
        model.addAttribute("digest", jdbc.queryForObject("select count(*) from officer_digest where user_id = ?",
                Integer.class, user.getName()) > 0);
        model.addAttribute("zone", deadlines.zone());
        return "oversight/my-deadlines";
    }

    /** An officer turns their daily digest mail on or off. */
    @PostMapping("/my-deadlines/digest")
    String digest(@RequestParam(required = false) String enabled, Authentication user, RedirectAttributes redirect,
            Locale locale) {
        boolean on = "true".equals(enabled);
        jdbc.update("delete from officer_digest where user_id = ?", user.getName());
        if (on) {
            jdbc.update("insert into officer_digest (user_id, enabled_at) values (?, ?)", user.getName(),
                    Timestamp.from(clock.instant()));
        }
        redirect.addFlashAttribute("notice", messages.getMessage(on ? "digest.enabled" : "digest.disabled", null, locale));
        return "redirect:/my-deadlines";
    }
}
