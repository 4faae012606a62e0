package vn.qcdc.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.OrgUnitType;

/** Dialogues held and planned per unit and year, for the targets dashboard (target 8). */
@Service
public class DialogueStats {

    public record UnitDialogues(String unitCode, String unitName, long held, long planned) {
    }

    private final DialogueRepository dialogues;
    private final OrgUnitRepository units;

    DialogueStats(DialogueRepository dialogues, OrgUnitRepository units) {
        this.dialogues = dialogues;
        this.units = units;
    }

    public long heldCount(String unitCode, int year) {
        return dialogues.count(unitCode, year, Dialogue.Status.HELD.name());
    }

    public long plannedCount(String unitCode, int year) {
        return dialogues.count(unitCode, year, Dialogue.Status.PLANNED.name());
    }

    /**
     * Every commune- and district-level unit active at the end of the year (or today, for this year), with
     * its counts, then any other unit that held or planned a dialogue that year.
     */
    public List<UnitDialogues> ofYear(int year, LocalDate today) {
        LocalDate day = today.getYear() == year ? today : LocalDate.of(year, 12, 31);
        Map<String, long[]> counts = dialogues.countsByUnit(year);
        Map<String, UnitDialogues> rows = new LinkedHashMap<>();
        for (OrgUnit u : units.findActiveOn(day)) {
            if (u.type() == OrgUnitType.COMMUNE || u.type() == OrgUnitType.DISTRICT || counts.containsKey(u.code())) {
                long[] c = counts.getOrDefault(u.code(), new long[2]);
                rows.put(u.code(), new UnitDialogues(u.code(), u.name(), c[0], c[1]));
            }
        }
        counts.forEach((code, c) -> rows.computeIfAbsent(code,
                k -> new UnitDialogues(k, units.find(k).map(OrgUnit::name).orElse(k), c[0], c[1])));
        return new ArrayList<>(rows.values());
    }
}
