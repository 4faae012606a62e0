package vn.qcdc.dialogue;

import java.time.Instant;

/** A head's dialogue with the people of a unit: its public notice, then its minutes. */
public record Dialogue(long id, String unitCode, int year, Kind kind, String topic, Instant plannedAt, String venue,
        String invitedGroups, Status status, String minutes, Instant heldAt, String processInstanceId) {

    public enum Kind {
        REGULAR, AD_HOC;

        public String messageKey() {
            return "dialogue.kind." + name();
        }
    }

    public enum Status {
        PLANNED, HELD, CANCELLED;

        public String messageKey() {
            return "dialogue.status." + name();
        }
    }

    public boolean open() {
        return status == Status.PLANNED;
    }
}
