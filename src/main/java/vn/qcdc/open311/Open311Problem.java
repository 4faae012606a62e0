package vn.qcdc.open311;

import org.springframework.http.HttpStatus;

/** A refusal answered in the GeoReport error format: the status, a message key and its arguments. */
class Open311Problem extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    Open311Problem(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}
