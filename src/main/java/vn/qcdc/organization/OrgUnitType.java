package vn.qcdc.organization;

public enum OrgUnitType {
    PROVINCE, DISTRICT, COMMUNE, HAMLET, AGENCY, ENTERPRISE;

    /** Hamlets have no officers of their own: their work is routed to the commune. */
    public boolean hasOfficers() {
        return this != HAMLET;
    }

    public String messageKey() {
        return "unit-type." + name().toLowerCase();
    }
}
