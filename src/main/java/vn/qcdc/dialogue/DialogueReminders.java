package vn.qcdc.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitType;

/**
 * Target 8: heads hold dialogues with the people at least twice a year. On 1 July every commune- and
 * district-level unit should have one held or planned, from 1 October two. Called from
 * processes/dialogue-reminder.bpmn as {@code dialogueReminders}.
 */
@Component("dialogueReminders")
public class DialogueReminders {

    public static final int REQUIRED_PER_YEAR = 2;

    private final DialogueRepository dialogues;
    private final vn.qcdc.organization.OrgUnitRepository units;
    private final Clock clock;

    DialogueReminders(DialogueRepository dialogues, vn.qcdc.organization.OrgUnitRepository units, Clock clock) {
        this.dialogues = dialogues;
        this.units = units;
        this.clock = clock;
    }

    public void findUnits(DelegateExecution execution) {
        LocalDate today = LocalDate.now(clock);
        List<String> behind = unitsBehind(today);
        execution.setVariable("unitsBehind", String.join(",", behind));
        execution.setVariable("unitsBehindCount", behind.size());
        execution.setVariable("requiredByNow", requiredBy(today));
    }

    /** The multi-instance collection: one reminder per unit code. */
    public List<String> split(String codes) {
        return codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
    }

    static int requiredBy(LocalDate day) {
        return day.getMonthValue() >= 10 ? REQUIRED_PER_YEAR : 1;
    }

    List<String> unitsBehind(LocalDate today) {
        int required = requiredBy(today);
        var counts = dialogues.countsByUnit(today.getYear());
        return units.findActiveOn(today).stream()
                .filter(u -> u.type() == OrgUnitType.COMMUNE || u.type() == OrgUnitType.DISTRICT)
                .map(OrgUnit::code)
                .filter(code -> {
                    long[] c = counts.get(code);
                    return c == null || c[0] + c[1] < required;
                })
                .toList();
    }
}
