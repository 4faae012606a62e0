package vn.qcdc.organization;

import java.time.LocalDate;

/** One line of an organisation import (CSV); see README "Organisation import". */
record ReorganizationRow(
        long line,
        Action action,
        String code,
        String name,
        OrgUnitType type,
        String parentCode,
        int staffCount,
        boolean hasTradeUnion,
        String successorCode,
        LocalDate effectiveDate) {

    enum Action { CREATE, UPDATE, DISSOLVE }
}
