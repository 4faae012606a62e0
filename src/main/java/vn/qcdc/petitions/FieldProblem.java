package vn.qcdc.petitions;

/** One reason a submission was refused: the field, and a message key with its arguments. */
public record FieldProblem(String field, String messageKey, Object... args) {
}
