package vn.qcdc.cases;

/** What a citizen brings: each kind has its own law, deadlines and process. */
public enum CaseKind {
    COMPLAINT("KN", "complaint"),
    DENUNCIATION("TC", "denunciation"),
    PETITION("PA", "petition"),
    /** Anonymous "denunciation": never handled as one, but as a management check (Law on Denunciations Art. 25). */
    ANONYMOUS_INFO("TT", "petition");

    private final String codePrefix;
    private final String processKey;

    CaseKind(String codePrefix, String processKey) {
        this.codePrefix = codePrefix;
        this.processKey = processKey;
    }

    public String codePrefix() {
        return codePrefix;
    }

    /** The process that handles this kind once the case is classified. */
    public String processKey() {
        return processKey;
    }

    public boolean allowsAnonymous() {
        return this == PETITION || this == ANONYMOUS_INFO;
    }

    public String messageKey() {
        return "case.kind." + name();
    }
}
