package vn.qcdc.cases;

/** The sizes every channel enforces, in one place, so forms can tell citizens the same limits the checks apply. */
public final class SubmissionLimits {

    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 10_000;
    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_CONTACT = 200;
    public static final int MAX_FILES = 5;
    public static final int MAX_FILE_MB = 5;

    private SubmissionLimits() {
    }
}
