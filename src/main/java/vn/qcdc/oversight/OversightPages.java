package vn.qcdc.oversight;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.platform.TableExport;
import vn.qcdc.rules.DeadlineService;
import vn.qcdc.cases.CaseRatings;
import vn.qcdc.platform.Refusal;

/** The supervisors' board: buckets per unit, the open tasks of their units, actions, chart, exports. */
@Controller
class OversightPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OversightScope scopes;
    private final OversightBoard board;
    private final BoardActions actions;
    private final BoardExport export;
    private final DeadlineService deadlines;
    private final MessageSource messages;
    private final EscalationLadder ladder;
    private final CaseRatings ratings;

    OversightPages(OversightScope scopes, OversightBoard board, BoardActions actions, BoardExport export,
            DeadlineService deadlines, MessageSource messages, EscalationLadder ladder, CaseRatings ratings) {
        this.ladder = ladder;
        this.ratings = ratings;
        this.scopes = scopes;
        this.board = board;
        this.actions = actions;
        this.export = export;
        this.deadlines = deadlines;
        this.messages = messages;
    }

    /** Whether a board row's kind is a citizen's case kind (then its key is a tracking code with a case page). */
    public static boolean isCaseKind(String kind) {
        return kind != null && java.util.Arrays.stream(vn.qcdc.cases.CaseKind.values())
                .anyMatch(k -> k.name().equals(kind));
    }

    static OversightScope.Scope scope(OversightScope scopes, Authentication user) {
        if (!OversightAccess.allows(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return scopes.of(user.getName(), OversightAccess.isAdmin(user));
    }

    @GetMapping("/oversight")
    String board(@RequestParam Map<String, String> params, Authentication user, Model model) {
        OversightScope.Scope scope = scope(scopes, user);
        BoardFilter filter = BoardFilter.parse(params);
        fill(model, scope, filter, board.page(scope, filter));
        model.addAttribute("notices", ladder.forUser(user.getName(), 20));
        return "oversight/board";
    }

    /** The latest overdue notifications of the signed-in user's units, for the home page (loaded by htmx). */
    @GetMapping("/oversight/notices")
    String notices(Authentication user, Model model) {
        scope(scopes, user);
        model.addAttribute("notices", ladder.forUser(user.getName(), 10));
        model.addAttribute("zone", deadlines.zone());
        return "oversight/notices :: notices";
    }

    private void fill(Model model, OversightScope.Scope scope, BoardFilter filter, OversightBoard.Page page) {
        Collection<String> units = OversightBoard.unitsOf(scope, filter);
        model.addAttribute("scope", scope);
        model.addAttribute("filter", filter);
        model.addAttribute("params", filter.params());
        model.addAttribute("page", page);
        model.addAttribute("summary", page.counts() != null ? page.counts() : board.summary(scope, units));
        model.addAttribute("processes", board.processes());
        model.addAttribute("zone", deadlines.zone());
        model.addAttribute("maxBatch", BoardActions.MAX_BATCH);
        model.addAttribute("ratings", ratings.perUnit(units));
        try {
            model.addAttribute("chart", JSON.writeValueAsString(board.onTime(scope, units, 12)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ExceptionHandler(Refusal.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(Refusal refusal, Authentication user, Model model, Locale locale) {
        OversightScope.Scope scope = scope(scopes, user);
        BoardFilter filter = BoardFilter.all();
        fill(model, scope, filter, board.page(scope, filter));
        model.addAttribute("error", messages.getMessage(refusal.messageKey(), refusal.args(), locale));
        model.addAttribute("notices", ladder.forUser(user.getName(), 20));
        return "oversight/board";
    }

    @GetMapping("/oversight/export.csv")
    ResponseEntity<String> csv(@RequestParam Map<String, String> params, Authentication user, Locale locale)
            throws IOException {
        OversightScope.Scope scope = scope(scopes, user);
        List<OversightBoard.TaskRow> rows = board.all(scope, BoardFilter.parse(params));
        return TableExport.csvDownload("giam-sat.csv", export.csv(rows, deadlines.zone(), locale));
    }

    @GetMapping("/oversight/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam Map<String, String> params, Authentication user, Locale locale)
            throws IOException {
        OversightScope.Scope scope = scope(scopes, user);
        List<OversightBoard.TaskRow> rows = board.all(scope, BoardFilter.parse(params));
        return TableExport.xlsxDownload("giam-sat.xlsx", export.xlsx(rows, deadlines.zone(), locale));
    }

    @PostMapping("/oversight/actions")
    String act(@RequestParam(required = false) String action, @RequestParam(required = false) List<String> taskIds,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String followUp,
            @RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect,
            Locale locale) {
        OversightScope.Scope scope = scope(scopes, user);
        int done = perform(actions, scope, user.getName(), action, taskIds, assignee, followUp, reason, deadlines);
        redirect.addFlashAttribute("notice", messages.getMessage("oversight.done." + action, new Object[] {done},
                locale));
        return "redirect:/oversight";
    }

    /** One action of the board on a batch of tasks; refused whole, with a message key, on any bad input. */
    static int perform(BoardActions actions, OversightScope.Scope scope, String actor, String action,
            List<String> taskIds, String assignee, String followUp, String reason, DeadlineService deadlines) {
        if (action == null) {
            throw new Refusal("oversight.refused.action", "");
        }
        return switch (action) {
            case "reassign" -> actions.reassign(actor, scope, taskIds, assignee, reason);
            case "follow-up" -> actions.followUp(actor, scope, taskIds, day(followUp), reason, deadlines.zone());
            case "comment" -> actions.comment(actor, scope, taskIds, reason);
            default -> throw new Refusal("oversight.refused.action", action.length() > 40 ? "" : action);
        };
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new Refusal("oversight.refused.date", "followUp", text.length() > 40 ? "" : text);
        }
    }
}
