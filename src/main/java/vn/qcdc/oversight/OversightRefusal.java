package vn.qcdc.oversight;

/** A refused board query or action; the message key is in i18n/oversight, nothing was changed. */
public class OversightRefusal extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    OversightRefusal(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
