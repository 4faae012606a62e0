package vn.qcdc.portal;

import java.util.UUID;

/** The filing form as the citizen typed it, so a refused form comes back exactly as it was left. */
class SubmitForm {

    private String kind;
    private String unitCode;
    private String unitQuery;
    private String title;
    private String content;
    private String citizenName;
    private String citizenAddress;
    private String citizenContact;
    private boolean anonymous;
    private boolean notify;
    private String idempotencyKey;

    /** An empty form with its own idempotency key: submitting it twice creates one case. */
    static SubmitForm fresh() {
        SubmitForm form = new SubmitForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        return form;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public String getUnitQuery() {
        return unitQuery;
    }

    public void setUnitQuery(String unitQuery) {
        this.unitQuery = unitQuery;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getCitizenName() {
        return citizenName;
    }

    public void setCitizenName(String citizenName) {
        this.citizenName = citizenName;
    }

    public String getCitizenAddress() {
        return citizenAddress;
    }

    public void setCitizenAddress(String citizenAddress) {
        this.citizenAddress = citizenAddress;
    }

    public String getCitizenContact() {
        return citizenContact;
    }

    public void setCitizenContact(String citizenContact) {
        this.citizenContact = citizenContact;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public boolean isNotify() {
        return notify;
    }

    public void setNotify(boolean notify) {
        this.notify = notify;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }
}
