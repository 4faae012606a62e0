package vn.qcdc.cases;

/** How a submission reached us; every channel ends in the same process. */
public enum Channel {
    PORTAL, API, OPEN311, IN_PERSON, HOTLINE, SUGGESTION_BOX, DIALOGUE;

    public String messageKey() {
        return "case.channel." + name();
    }
}
