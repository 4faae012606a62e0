package vn.qcdc.cases;

/** Where a case stands, as the citizen reads it on the tracking page. */
public enum CaseStatus {
    RECEIVED, FORWARDED, ACCEPTED, REFUSED, VERIFYING, DIALOGUE, DECIDING, DECIDED, ANSWERED, WITHDRAWN, CLOSED;

    public boolean finished() {
        return this == REFUSED || this == DECIDED || this == ANSWERED || this == WITHDRAWN || this == CLOSED;
    }

    public String messageKey() {
        return "case.status." + name();
    }
}
