package vn.qcdc.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import vn.qcdc.platform.EngineRefusal;
import vn.qcdc.platform.ProcessTree;
import vn.qcdc.identity.SystemAuthority;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Role;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Receipt;
import vn.qcdc.cases.Submission;
import vn.qcdc.platform.Refusal;

/** The service steps of processes/dialogue.bpmn, called as {@code dialogues}. */
@Component("dialogues")
public class DialogueSteps {

    static final int MAX_TOPIC = 300;
    static final int MAX_VENUE = 300;
    static final int MAX_INVITED = 1000;
    static final int MAX_MINUTES = 10_000;
    static final String TITLE_PREFIX = "Câu hỏi tại đối thoại: ";

    private final DialogueRepository dialogues;
    private final OrgUnitRepository units;
    private final CaseIntake intake;
    private final IdentityService identityService;
    private final Clock clock;
    private final ZoneId zone;

    DialogueSteps(DialogueRepository dialogues, OrgUnitRepository units, CaseIntake intake, IdentityService identityService,
            Clock clock) {
        this.dialogues = dialogues;
        this.units = units;
        this.intake = intake;
        this.identityService = identityService;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** Checks the head's start form, records the dialogue and so publishes its notice on the portal. */
    public void plan(DelegateExecution execution) {
        Instant now = clock.instant();
        String unitCode = text(execution, "unitCode");
        OrgUnit unit = unitCode == null ? null : units.find(unitCode).orElse(null);
        if (unit == null || !unit.activeOn(now.atZone(zone).toLocalDate())) {
            throw refused("dialogue.plan.unit.unknown", unitCode == null ? "" : unitCode);
        }
        String head = text(execution, "unitHead");
        if (head != null && !isHeadOf(head, unit.code())) {
            throw refused("dialogue.plan.not-head", unit.name());
        }
        String topic = required(execution, "topic", MAX_TOPIC, "dialogue.plan.topic.required");
        String venue = required(execution, "venue", MAX_VENUE, "dialogue.plan.venue.required");
        String invited = text(execution, "invitedGroups");
        if (invited != null && invited.length() > MAX_INVITED) {
            throw refused("dialogue.plan.invited.too-long", MAX_INVITED);
        }
        Instant plannedAt = instantOf(execution.getVariable("plannedAt"));
        if (plannedAt == null) {
            throw refused("dialogue.plan.date.required");
        }
        if (!plannedAt.isAfter(now)) {
            throw refused("dialogue.plan.date.past");
        }
        Dialogue.Kind kind = kindOf(text(execution, "kind"));
        long id = dialogues.insert(unit.code(), plannedAt.atZone(zone).getYear(), kind, topic, plannedAt, venue, invited,
                execution.getProcessInstanceId(), head, now);
        execution.setVariable("dialogueId", id);
        execution.setVariable("unitCode", unit.code());
        execution.setVariable("unitName", unit.name());
        execution.setVariable("topic", topic);
        execution.setVariable("plannedAt", Date.from(plannedAt));
        execution.setVariable("kind", kind.name());
        execution.setVariable("plannedAtText", plannedAt.atZone(zone).toLocalDateTime().toString().replace('T', ' '));
    }

    /**
     * After the minutes: every question the head marked as a petition becomes a citizen's case of the unit
     * (channel DIALOGUE); action items keep their owner and due date; the dialogue counts as held.
     */
    public void conclude(DelegateExecution execution) {
        long id = execution.getVariable("dialogueId") instanceof Number n ? n.longValue() : -1;
        Dialogue d = dialogues.find(id).orElseThrow(() -> new EngineRefusal("engine.refused.foreign-object"));
        ProcessTree.requireOwned(d.processInstanceId(), execution);
        String minutes = text(execution, "minutes");
        if (minutes == null) {
            throw refused("dialogue.minutes.required");
        }
        if (minutes.length() > MAX_MINUTES) {
            throw refused("dialogue.minutes.too-long", MAX_MINUTES);
        }
        List<String> codes = new ArrayList<>();
        for (DialogueQuestion q : dialogues.questions(id)) {
            if (q.outcome() == DialogueQuestion.Outcome.PETITION && q.petitionCode() == null) {
                codes.add(filePetition(d, q));
            }
        }
        dialogues.held(id, minutes, clock.instant());
        execution.setVariable("petitionCodes", String.join(", ", codes));
    }

    private String filePetition(Dialogue d, DialogueQuestion q) {
        String title = TITLE_PREFIX + q.text().strip().replaceAll("\\s+", " ");
        if (title.length() > 200) {
            title = title.substring(0, 199) + "…";
        }
        Submission s = new Submission(CaseKind.PETITION, Channel.DIALOGUE, d.unitCode(), title, q.text(), q.askerName(),
                null, null, false, false, List.of(), "dialogue-question:" + q.id(), null, 1, null, "dialogue:" + d.id());
        try {
            Receipt r = SystemAuthority.call(identityService, () -> intake.submit(s, "dialogue"));
            dialogues.petitionFiled(q.id(), r.trackingCode());
            return r.trackingCode();
        } catch (Refusal e) {
            throw EngineRefusal.of(e.problems().stream()
                    .map(p -> new EngineRefusal.Problem(p.messageKey(), p.args())).toList());
        }
    }

    private boolean isHeadOf(String userId, String unitCode) {
        return SystemAuthority.call(identityService, () -> identityService.createGroupQuery().groupMember(userId)
                .groupId(Role.UNIT_HEAD.groupOf(unitCode)).count() > 0);
    }

    private String required(DelegateExecution execution, String name, int max, String missingKey) {
        String v = text(execution, name);
        if (v == null) {
            throw refused(missingKey);
        }
        if (v.length() > max) {
            throw refused("dialogue.plan.too-long", max);
        }
        return v;
    }

    private Dialogue.Kind kindOf(String value) {
        if (value == null) {
            return Dialogue.Kind.REGULAR;
        }
        try {
            return Dialogue.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw refused("dialogue.plan.kind.unknown");
        }
    }

    /** The start form's datetime field sends local Vietnamese time ("2026-12-01T09:00"); Java callers may pass a Date. */
    Instant instantOf(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String s = value.toString().trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            // not UTC
        }
        try {
            return LocalDateTime.parse(s).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw refused("dialogue.plan.date.invalid");
        }
    }

    private static EngineRefusal refused(String key, Object... args) {
        return new EngineRefusal(key, args);
    }

    private static String text(DelegateExecution execution, String name) {
        Object v = execution.getVariable(name);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }
}
