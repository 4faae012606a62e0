package vn.qcdc.organization;

import java.time.LocalDate;

public record OrgUnit(
        String code,
        String name,
        OrgUnitType type,
        String parentCode,
        int staffCount,
        boolean hasTradeUnion,
        LocalDate validFrom,
        LocalDate validTo,
        String successorCode) {

    public boolean activeOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public boolean dissolved() {
        return validTo != null;
    }
}
