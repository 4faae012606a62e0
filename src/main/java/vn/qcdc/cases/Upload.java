package vn.qcdc.cases;

/** A file as the citizen sent it, before any check. */
public record Upload(String fileName, byte[] bytes) {
}
