package vn.qcdc.selfcriticism;

/** A comment or moderation refused for a reason the person can fix or must know; nothing was written. */
public class CommentRefusedException extends RuntimeException {

    private final String messageKey;
    private final int status;

    CommentRefusedException(String messageKey, int status) {
        super(messageKey);
        this.messageKey = messageKey;
        this.status = status;
    }

    public String messageKey() {
        return messageKey;
    }

    public int status() {
        return status;
    }
}
