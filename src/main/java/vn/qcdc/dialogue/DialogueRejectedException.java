package vn.qcdc.dialogue;

/** A refused request about a dialogue: the message key (bundle i18n/dialogue) says why, in the reader's language. */
public class DialogueRejectedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public DialogueRejectedException(String messageKey, Object... args) {
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
