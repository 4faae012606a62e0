package vn.qcdc.inspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

/**
 * What signed inspections found, for the targets dashboard: per unit and target the latest signed checklist
 * verdict of the year, and the units with a confirmed "loss of democracy" finding in a signed conclusion.
 */
@Service
public class InspectionFindings {

    public enum Verdict {
        MET, PARTLY_MET, NOT_MET
    }

    private final InspectionStore store;

    InspectionFindings(InspectionStore store) {
        this.store = store;
    }

    /** unit code → (target number 1..9 → verdict), from the latest signed conclusion of the year's plans. */
    public Map<String, Map<Integer, Verdict>> verdicts(int year) {
        Map<String, Map<Integer, Verdict>> out = new LinkedHashMap<>();
        for (Object[] row : store.signedVerdicts(year)) {
            out.computeIfAbsent((String) row[0], k -> new TreeMap<>())
                    .putIfAbsent((Integer) row[1], Verdict.valueOf((String) row[2]));
        }
        return out;
    }

    /** Codes of the units with a confirmed loss of democracy in a signed conclusion of the year. */
    public List<String> lossOfDemocracy(int year) {
        return store.lossOfDemocracyUnits(year);
    }
}
