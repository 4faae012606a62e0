package vn.qcdc.dialogue;

import java.time.Instant;
import java.time.LocalDate;

/** A question asked on the portal before a dialogue or by a citizen in person, and what the head decided. */
public record DialogueQuestion(long id, long dialogueId, Source source, String text, String askerName, Instant createdAt,
        Outcome outcome, String petitionCode, String actionOwner, LocalDate actionDue) {

    public enum Source {
        PORTAL, OFFICER;

        public String messageKey() {
            return "dialogue.source." + name();
        }
    }

    public enum Outcome {
        NONE, PETITION, ACTION_ITEM;

        public String messageKey() {
            return "dialogue.outcome." + name();
        }
    }
}
