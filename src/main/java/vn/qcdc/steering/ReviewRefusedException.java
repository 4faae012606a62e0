package vn.qcdc.steering;

/** A refused report or page action; the message key is in i18n/steering, nothing was changed. */
class ReviewRefusedException extends RuntimeException {

    private final String messageKey;
    private final int status;

    ReviewRefusedException(String messageKey, int status) {
        super(messageKey);
        this.messageKey = messageKey;
        this.status = status;
    }

    String messageKey() {
        return messageKey;
    }

    int status() {
        return status;
    }
}
