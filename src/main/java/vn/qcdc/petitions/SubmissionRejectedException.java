package vn.qcdc.petitions;

import java.util.List;

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
}
