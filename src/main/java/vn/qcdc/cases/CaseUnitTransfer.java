package vn.qcdc.cases;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.qcdc.organization.UnitDissolved;

/** Open cases of a dissolved unit move to its successor, in the reorganisation's transaction. */
@Component
class CaseUnitTransfer {

    private final CaseRepository cases;

    CaseUnitTransfer(CaseRepository cases) {
        this.cases = cases;
    }

    @EventListener
    void onUnitDissolved(UnitDissolved event) {
        cases.moveAllToUnit(event.unitCode(), event.successorCode());
    }
}
