package vn.qcdc.targets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.qcdc.dialogue.DialogueStats;

/** Target 8: every party committee and government holds at least two dialogues with the people a year. */
@Component
class DialogueTargetProvider implements TargetFigureProvider {

    static final int REQUIRED_PER_YEAR = 2;

    private final DialogueStats dialogues;
    private final Clock clock;

    DialogueTargetProvider(DialogueStats dialogues, Clock clock) {
        this.dialogues = dialogues;
        this.clock = clock;
    }

    @Override
    public Set<Target> targets() {
        return Set.of(Target.T8_DIALOGUES);
    }

    @Override
    public List<UnitFigure> figures(Target target, int year) {
        return dialogues.ofYear(year, LocalDate.now(clock)).stream()
                .map(u -> new UnitFigure(u.unitCode(), u.held() >= REQUIRED_PER_YEAR ? 1 : 0, 1,
                        UnitFigure.Source.COMPUTED, "/dialogues?unit=" + u.unitCode()))
                .toList();
    }
}
