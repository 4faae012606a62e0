package vn.qcdc.organization;

/** A reason an import was refused, as a message key with arguments, tied to a CSV line. */
public record ImportProblem(long line, String messageKey, Object... args) {
}
