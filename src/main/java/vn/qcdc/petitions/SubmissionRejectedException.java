package vn.qcdc.petitions;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Nothing was created: every problem is listed for the citizen to fix. */
public class SubmissionRejectedException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public SubmissionRejectedException(List<FieldProblem> problems) {
        super(problems.size() + " problem(s) in submission");
        this.problems = List.copyOf(problems);
    }

    public SubmissionRejectedException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The HTTP status every door answers this refusal with, so monitoring reads them all alike. */
    public HttpStatus status() {
        return switch (problems.get(0).messageKey()) {
            case "case.idempotency.replayed", "case.idempotency.conflict" -> HttpStatus.CONFLICT;
            case "tracking.wrong" -> HttpStatus.FORBIDDEN;
            case "tracking.locked" -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
