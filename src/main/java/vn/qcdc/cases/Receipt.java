package vn.qcdc.cases;

import java.time.Instant;

/** What the citizen takes home: the tracking code and the PIN, shown this once and never stored in clear. */
public record Receipt(String trackingCode, String pin, CaseKind kind, String unitName, Instant receivedAt,
        Instant nextDeadline) {
}
