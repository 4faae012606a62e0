package vn.qcdc.cases;

/** An uploaded file whose type was read from its content, not from its name. */
record CheckedFile(String fileName, String contentType, byte[] bytes) {
}
