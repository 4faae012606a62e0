package vn.qcdc.targets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.qcdc.inspection.InspectionFindings;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.OrgUnitType;

/**
 * What signed inspections established: target 2 from confirmed "loss of democracy" findings over
 * every grassroots party organisation (commune level), and targets 3–6 from the checklist verdicts of
 * the units inspected (target 3 only for units of 10 or more staff, the ones the target is about).
 */
@Component
class InspectionTargetProvider implements TargetFigureProvider {

    static final int QCDC_TEAM_STAFF = 10;
    private static final Set<Target> CHECKLIST_TARGETS = EnumSet.of(Target.T3_QCDC_TEAMS, Target.T4_WORKS_DISCLOSED,
            Target.T5_AGENCY_DISCLOSURE, Target.T6_PROCEDURES_POSTED);

    private final InspectionFindings findings;
    private final OrgUnitRepository units;
    private final Clock clock;

    InspectionTargetProvider(InspectionFindings findings, OrgUnitRepository units, Clock clock) {
        this.findings = findings;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public Set<Target> targets() {
        Set<Target> all = EnumSet.copyOf(CHECKLIST_TARGETS);
        all.add(Target.T2_NO_LOSS_OF_DEMOCRACY);
        return all;
    }

    @Override
    public List<UnitFigure> figures(Target target, int year) {
        if (target == Target.T2_NO_LOSS_OF_DEMOCRACY) {
            List<String> lost = findings.lossOfDemocracy(year);
            LocalDate today = LocalDate.now(clock);
            LocalDate day = today.getYear() == year ? today : LocalDate.of(year, 12, 31);
            return units.findActiveOn(day).stream().filter(u -> u.type() == OrgUnitType.COMMUNE)
                    .map(u -> new UnitFigure(u.code(), lost.contains(u.code()) ? 0 : 1, 1, UnitFigure.Source.COMPUTED,
                            "/targets/2?year=" + year))
                    .toList();
        }
        int number = Integer.parseInt(target.number());
        List<UnitFigure> out = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, InspectionFindings.Verdict>> unit : findings.verdicts(year).entrySet()) {
            InspectionFindings.Verdict verdict = unit.getValue().get(number);
            if (verdict == null || (target == Target.T3_QCDC_TEAMS && staff(unit.getKey()) < QCDC_TEAM_STAFF)) {
                continue;
            }
            out.add(new UnitFigure(unit.getKey(), verdict == InspectionFindings.Verdict.MET ? 1 : 0, 1,
                    UnitFigure.Source.COMPUTED, "/targets/" + target.number() + "?year=" + year));
        }
        return out;
    }

    private int staff(String unitCode) {
        return units.find(unitCode).map(OrgUnit::staffCount).orElse(0);
    }
}
