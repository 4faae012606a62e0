package vn.qcdc.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;

/**
 * The next level up from a unit, as a second-time complaint or a further denunciation reaches it: its parent, or
 * the parent's successor where the parent no longer exists (the district level ended on 1 July 2025).
 */
@Component
class SuperiorUnits {

    private final OrgUnitRepository units;
    private final Clock clock;

    SuperiorUnits(OrgUnitRepository units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    Optional<OrgUnit> of(String unitCode) {
        OrgUnit unit = units.find(unitCode).orElse(null);
        OrgUnit parent = unit == null || unit.parentCode() == null ? null : units.find(unit.parentCode()).orElse(null);
        while (parent != null && !parent.activeOn(LocalDate.now(clock))) {
            parent = parent.successorCode() == null ? null : units.find(parent.successorCode()).orElse(null);
        }
        return Optional.ofNullable(parent);
    }
}
