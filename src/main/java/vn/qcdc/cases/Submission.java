package vn.qcdc.cases;

import java.time.Instant;
import java.util.List;

/** What arrives through any channel, before it becomes a case. */
public record Submission(
        CaseKind kind,
        Channel channel,
        String unitCode,
        String title,
        String content,
        String citizenName,
        String citizenAddress,
        String citizenContact,
        boolean anonymous,
        boolean remoteArea,
        List<Upload> attachments,
        String idempotencyKey,
        Instant receivedAt,
        int round,
        Long parentCaseId,
        String sourceRef) {

    /** A first-round submission received now. */
    public static Submission of(CaseKind kind, Channel channel, String unitCode, String title, String content,
            String citizenName, String citizenAddress, String citizenContact, boolean anonymous, List<Upload> attachments,
            String idempotencyKey) {
        return new Submission(kind, channel, unitCode, title, content, citizenName, citizenAddress, citizenContact,
                anonymous, false, attachments == null ? List.of() : attachments, idempotencyKey, null, 1, null, null);
    }

    Submission withKind(CaseKind otherKind) {
        return new Submission(otherKind, channel, unitCode, title, content, citizenName, citizenAddress, citizenContact,
                anonymous, remoteArea, attachments, idempotencyKey == null ? null : idempotencyKey + ":" + otherKind,
                receivedAt, round, parentCaseId, sourceRef);
    }
}
