package vn.qcdc.dialogue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** What the pages read about dialogues. */
@Service
public class DialogueCatalogue {

    private final DialogueRepository dialogues;
    private final Clock clock;

    DialogueCatalogue(DialogueRepository dialogues, Clock clock) {
        this.dialogues = dialogues;
        this.clock = clock;
    }

    public List<Dialogue> upcoming() {
        return dialogues.upcoming(clock.instant(), 50);
    }

    public List<Dialogue> recent() {
        return dialogues.recent(clock.instant(), 50);
    }

    public Optional<Dialogue> find(long id) {
        return dialogues.find(id);
    }

    public List<DialogueQuestion> questions(long dialogueId) {
        return dialogues.questions(dialogueId);
    }

    public List<Dialogue> ofUnits(List<String> unitCodes) {
        return dialogues.ofUnits(unitCodes, 200);
    }
}
