package vn.qcdc.oversight;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import vn.qcdc.rules.DeadlineService;
import vn.qcdc.platform.Refusal;

/** The board as JSON: the same filters, scope and rows as {@code /oversight}. */
@RestController
@RequestMapping("/api/oversight")
@Tag(name = "oversight", description = "Supervisors' board: open tasks of the supervisor's units and below")
class OversightApi {

    record TaskPage(long total, int page, int size, List<OversightBoard.TaskRow> rows) {
    }

    record Summary(Instant at, List<OversightBoard.UnitCounts> units) {
    }

    record ActionRequest(String action, List<String> taskIds, String assignee, String followUp, String reason) {
    }

    record ActionResult(String action, int tasks) {
    }

    private final OversightScope scopes;
    private final OversightBoard board;
    private final BoardActions actions;
    private final DeadlineService deadlines;
    private final MessageSource messages;
    private final Clock clock;

    OversightApi(OversightScope scopes, OversightBoard board, BoardActions actions, DeadlineService deadlines,
            MessageSource messages, Clock clock) {
        this.scopes = scopes;
        this.board = board;
        this.actions = actions;
        this.deadlines = deadlines;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    @Operation(summary = "Open tasks in scope, filtered, sorted and paged (size at most 200)")
    TaskPage tasks(@Parameter(description = "unit, process, step, assignee, candidateGroup, bucket"
            + " (overdue|today|soon|unassigned-overdue), kind, dueFrom, dueTo (yyyy-mm-dd), q, sort, dir, page, size")
            @RequestParam Map<String, String> params, Authentication user) {
        OversightScope.Scope scope = OversightPages.scope(scopes, user);
        OversightBoard.Page page = board.page(scope, BoardFilter.parse(params));
        return new TaskPage(page.total(), page.filter().page(), page.filter().size(), page.rows());
    }

    @GetMapping("/summary")
    @Operation(summary = "Counts per unit of the scope (or of one unit's subtree) and bucket")
    Summary summary(@RequestParam(required = false) String unit, Authentication user) {
        OversightScope.Scope scope = OversightPages.scope(scopes, user);
        BoardFilter filter = BoardFilter.parse(unit == null ? Map.of() : Map.of("unit", unit));
        if (filter.unit() != null && !scope.covers(filter.unit())) {
            throw new Refusal("oversight.refused.unit", filter.unit());
        }
        return new Summary(clock.instant(), board.summary(scope, OversightBoard.unitsOf(scope, filter)));
    }

    @PostMapping("/actions")
    @Operation(summary = "Reassign, set a follow-up date or comment on up to 200 tasks at once; all or none")
    ActionResult act(@RequestBody ActionRequest request, Authentication user) {
        OversightScope.Scope scope = OversightPages.scope(scopes, user);
        int done = OversightPages.perform(actions, scope, user.getName(), request.action(), request.taskIds(),
                request.assignee(), request.followUp(), request.reason(), deadlines);
        return new ActionResult(request.action(), done);
    }

    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    ProblemDetail denied(org.springframework.web.server.ResponseStatusException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), messages.getMessage("error.forbidden", null, locale));
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(),
                refusal.text(messages, locale));
        problem.setProperty("code", refusal.messageKey());
        return problem;
    }
}
