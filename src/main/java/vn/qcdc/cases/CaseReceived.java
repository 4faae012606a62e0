package vn.qcdc.cases;

/** Published in the submitter's transaction once a case and the job starting its process are stored. */
public record CaseReceived(long caseId, String trackingCode, CaseKind kind, Channel channel) {
}
