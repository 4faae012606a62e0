package vn.qcdc.platform;

/**
 * Sends one text message to one mobile number. The demo's implementation ({@link LogSmsGateway}) writes it to the
 * log (and to a file if configured); a real one calls a brand-name SMS provider over HTTP. A provider that refuses
 * or cannot be reached throws: the caller's outbox retries later.
 */
public interface SmsGateway {

    /** {@code number} in international form (+84…), {@code text} as it is to be shown. */
    void send(String number, String text);
}
