package vn.qcdc.cases;

/** The public status changes a citizen who agreed is told of (Law on Citizen Reception Art. 28; Complaints Art. 27). */
public enum CaseNotice {
    ACCEPTED, REFUSED, FORWARDED, EXTENDED, DIALOGUE, DECIDED, ANSWERED, WITHDRAWN;

    String messageKey() {
        return "notice.event." + name();
    }
}
