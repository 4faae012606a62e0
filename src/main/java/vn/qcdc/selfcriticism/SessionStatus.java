package vn.qcdc.selfcriticism;

/** Where a self-criticism session stands; citizens may comment only while the notice is published. */
public enum SessionStatus {
    PLANNING, NOTICE_PUBLISHED, COMMENTS_CLOSED, MINUTES_RECORDED, SIGNED_OFF;

    public boolean openForComments() {
        return this == NOTICE_PUBLISHED;
    }

    public String messageKey() {
        return "sc.status." + name().toLowerCase();
    }
}
