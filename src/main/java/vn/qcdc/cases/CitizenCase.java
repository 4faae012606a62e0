package vn.qcdc.cases;

import java.time.Instant;

/** The case file. A denouncer's identity is never here: see {@link IdentityVault}. */
public record CitizenCase(
        long id,
        String trackingCode,
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
        Instant receivedAt,
        int round,
        Long parentCaseId,
        String sourceRef,
        CaseStatus status,
        String nextStep,
        Instant nextDeadline,
        Instant statutoryDeadline,
        String decisionText,
        Instant decisionAt,
        Instant closedAt,
        Instant withdrawnAt,
        String processInstanceId) {
}
