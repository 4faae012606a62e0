package vn.qcdc.portal;

import java.io.Serializable;
import java.time.Instant;

import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Receipt;

/**
 * A receipt on its way to the one page that shows it, as a flash attribute (kept in the session
 * only until that page is rendered). {@code previousCode} names the case a second-time complaint continues.
 */
record IssuedReceipt(String trackingCode, String pin, CaseKind kind, String unitName, Instant receivedAt,
        Instant nextDeadline, String previousCode) implements Serializable {

    static final String FLASH = "issuedReceipt";

    static IssuedReceipt of(Receipt r, String previousCode) {
        return new IssuedReceipt(r.trackingCode(), r.pin(), r.kind(), r.unitName(), r.receivedAt(), r.nextDeadline(),
                previousCode);
    }

    IssuedReceipt withNextDeadline(Instant deadline) {
        return new IssuedReceipt(trackingCode, pin, kind, unitName, receivedAt, deadline, previousCode);
    }
}
