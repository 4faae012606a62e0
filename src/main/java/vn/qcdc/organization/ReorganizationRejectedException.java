package vn.qcdc.organization;

import java.util.List;

/** The import was refused as a whole; nothing was changed. */
public class ReorganizationRejectedException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    ReorganizationRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in organisation import");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
