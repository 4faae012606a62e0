package vn.qcdc.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.qcdc.platform.EngineRefusal;
import vn.qcdc.platform.FormValues;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.OrgUnitType;
import vn.qcdc.platform.ProcessTree;
import vn.qcdc.rules.DeadlineService;

/**
 * The work inside the case processes' steps, called from BPMN as {@code caseFile}: keeping the case
 * file (status, deadlines, public notes, the decision) in step with the process. Which step runs
 * when, and which deadline rule applies, is decided by the BPMN and DMN, never here.
 */
@Component("caseFile")
public class CaseFileSteps {

    private final CaseRepository cases;
    private final CaseNotes notes;
    private final DeadlineService deadlines;
    private final OrgUnitRepository units;
    private final IdentityVault vault;
    private final ConclusionPublications publications;
    private final SuperiorUnits superiors;
    private final CitizenNotices notices;
    private final Clock clock;

    CaseFileSteps(CaseRepository cases, CaseNotes notes, DeadlineService deadlines, OrgUnitRepository units,
            IdentityVault vault, ConclusionPublications publications, SuperiorUnits superiors, CitizenNotices notices,
            Clock clock) {
        this.cases = cases;
        this.notices = notices;
        this.notes = notes;
        this.deadlines = deadlines;
        this.units = units;
        this.vault = vault;
        this.publications = publications;
        this.superiors = superiors;
        this.clock = clock;
    }

    /** Every user task of a case process: the citizen sees what is next and by when. */
    public void taskCreated(DelegateTask task, String status) {
        if (task.getVariable("caseId") == null) {
            return; // a task of a process that keeps no citizen's case
        }
        CitizenCase c = caseOf(task.getExecution());
        CaseStatus next = status == null ? null : CaseStatus.valueOf(status);
        cases.updateProgress(c.id(), next, task.getName(), task.getDueDate() == null ? null : task.getDueDate().toInstant());
        if (next == CaseStatus.DIALOGUE && c.status() != CaseStatus.DIALOGUE) {
            notices.queue(c.id(), CaseNotice.DIALOGUE);
        }
    }

    /** Routes the case to the level the routing table chose: the unit concerned, or the next level up. */
    public void assignUnit(DelegateExecution execution) {
        String level = (String) execution.getVariable("routingUnitLevel");
        if ("PARENT".equals(level)) {
            OrgUnit unit = units.find(caseOf(execution).unitCode()).orElseThrow();
            OrgUnit parent = nextLevelUp(unit);
            moveTo(execution, parent);
        }
    }

    /** Not competent: the case goes to the competent unit, and the citizen is told. */
    public void forward(DelegateExecution execution) {
        String target = (String) execution.getVariable("forwardUnitCode");
        CitizenCase c = caseOf(execution);
        OrgUnit unit = target == null ? null : units.find(target.trim()).orElse(null);
        if (unit == null || unit.type() == OrgUnitType.HAMLET || !unit.activeOn(LocalDate.now(clock))
                || unit.code().equals(c.unitCode())) {
            throw new EngineRefusal("case.forward.invalid", target == null ? "" : target.trim());
        }
        moveTo(execution, unit);
        long caseId = c.id();
        cases.updateProgress(caseId, CaseStatus.FORWARDED, null, null);
        notes.add(caseId, CaseNotes.Visibility.PUBLIC, "system",
                "Đơn đã được chuyển đến " + unit.name() + " là cơ quan có thẩm quyền giải quyết.");
        notices.queue(caseId, CaseNotice.FORWARDED);
    }

    /** Starts or restarts a statutory clock: {@code target} = due date of {@code rule} from the date in {@code from}. */
    public void startClock(DelegateExecution execution, String rule, String from, String target) {
        Date start = (Date) execution.getVariable(from);
        Date due = deadlines.due(rule, start);
        Object before = execution.getVariable(target);
        execution.setVariable(target, due);
        long caseId = caseId(execution);
        cases.updateStatutoryDeadline(caseId, due.toInstant());
        if (before instanceof Date earlier && due.after(earlier)) {
            // the same clock restarted later (a complaint found complex): the citizen has to wait longer
            notices.queue(caseId, CaseNotice.EXTENDED);
        }
    }

    /**
     * A step's own clock (sending a signed decision or conclusion): {@code target} = due date of {@code rule} from the
     * date in {@code from}, for that step's task. The case's statutory deadline stays the resolution's: the step's
     * date is the case's next deadline, which every page shows beside it.
     */
    public void startStepClock(DelegateExecution execution, String rule, String from, String target) {
        execution.setVariable(target, deadlines.due(rule, (Date) execution.getVariable(from)));
    }

    public void accepted(DelegateExecution execution, String note) {
        execution.setVariable("acceptedAt", Date.from(clock.instant()));
        long caseId = caseId(execution);
        cases.updateProgress(caseId, CaseStatus.ACCEPTED, null, null);
        notes.add(caseId, CaseNotes.Visibility.PUBLIC, "system", note);
        notices.queue(caseId, CaseNotice.ACCEPTED);
    }

    /**
     * A petition's first answer (Law on Citizen Reception Art. 28): the officer's text becomes a public note and the
     * citizen is told it is accepted or needs more time; a refusal is told by {@link #refuse}.
     */
    public void acknowledged(DelegateExecution execution, String classification, String text) {
        publicNote(execution, text);
        if ("accepted".equals(classification)) {
            notices.queue(caseId(execution), CaseNotice.ACCEPTED);
        } else if ("needs-time".equals(classification)) {
            notices.queue(caseId(execution), CaseNotice.EXTENDED);
        }
    }

    /** A denunciation's extension: 30 more days, never past the maximum counted from acceptance. */
    public void extend(DelegateExecution execution) {
        Date current = (Date) execution.getVariable("resolveDue");
        Date accepted = (Date) execution.getVariable("acceptedAt");
        int days = deadlines.ruleInForce("denunciation.extension", toDay(accepted)).amount();
        Instant extended = current.toInstant().plus(Duration.ofDays(days));
        Instant cap = deadlines.dueInstant("denunciation.maximum", accepted.toInstant());
        Instant due = extended.isAfter(cap) ? cap : extended;
        execution.setVariable("resolveDue", Date.from(due));
        execution.setVariable("extensions", ((Number) execution.getVariable("extensions")).intValue() + 1);
        cases.updateStatutoryDeadline(caseId(execution), due);
        notes.add(caseId(execution), CaseNotes.Visibility.PUBLIC, "system", "Thời hạn giải quyết được gia hạn.");
        notices.queue(caseId(execution), CaseNotice.EXTENDED);
    }

    public void publicNote(DelegateExecution execution, String text) {
        if (text != null && !text.isBlank()) {
            notes.add(caseId(execution), CaseNotes.Visibility.PUBLIC, "system", text);
        }
    }

    public void refuse(DelegateExecution execution, String reason) {
        long caseId = caseId(execution);
        notes.add(caseId, CaseNotes.Visibility.PUBLIC, "system", "Không thụ lý: " + reason);
        cases.close(caseId, CaseStatus.REFUSED, clock.instant());
        notices.queue(caseId, CaseNotice.REFUSED);
    }

    /** The signed decision or conclusion becomes visible to the citizen. */
    public void publishDecision(DelegateExecution execution, String text) {
        long caseId = caseId(execution);
        Instant now = clock.instant();
        cases.decide(caseId, text, now);
        execution.setVariable("decidedAt", Date.from(now));
        cases.close(caseId, CaseStatus.DECIDED, now);
        notices.queue(caseId, CaseNotice.DECIDED);
    }

    /** The grounds on which a withdrawn denunciation is still resolved (Decree 156/2026), as the form offers them. */
    static final Map<String, String> CONTINUATION_GROUNDS = Map.of(
            "violation-signs", "hành vi bị tố cáo có dấu hiệu vi phạm pháp luật",
            "coerced", "việc rút tố cáo do bị đe dọa, mua chuộc, ép buộc");

    /**
     * A withdrawn denunciation: the officer goes on only with at least one ground, and names none when the case
     * stops; the case file keeps the grounds. They are read once: a later withdrawal is decided anew.
     */
    public void recordContinuation(DelegateExecution execution) {
        boolean goOn = Boolean.TRUE.equals(execution.getVariable("continueHandling"));
        List<String> grounds = FormValues.codes(execution.getVariable("continuationGrounds"));
        execution.removeVariable("continuationGrounds");
        if (!CONTINUATION_GROUNDS.keySet().containsAll(grounds)) {
            throw new EngineRefusal("denunciation.continuation.ground-unknown");
        }
        if (goOn && grounds.isEmpty()) {
            throw new EngineRefusal("denunciation.continuation.grounds-required");
        }
        if (!goOn && !grounds.isEmpty()) {
            throw new EngineRefusal("denunciation.continuation.grounds-without-continuing");
        }
        long caseId = caseId(execution);
        List<String> ordered = java.util.stream.Stream.of("violation-signs", "coerced").filter(grounds::contains).toList();
        cases.recordContinuationGrounds(caseId, goOn ? String.join(",", ordered) : null);
        if (goOn) {
            notes.add(caseId, CaseNotes.Visibility.INTERNAL, "system", "Người tố cáo rút tố cáo; vẫn tiếp tục giải quyết vì "
                    + String.join("; ", ordered.stream().map(CONTINUATION_GROUNDS::get).toList()) + ".");
            notes.add(caseId, CaseNotes.Visibility.PUBLIC, "system",
                    "Tố cáo đã rút nhưng vẫn được tiếp tục giải quyết theo quy định.");
        }
    }

    /** The notice of acceptance went to the denouncer and the content to the person denounced (Decree 31/2019 Art. 9(2)). */
    public void acceptanceNoticeSent(DelegateExecution execution) {
        String via = SENT_VIA.get(FormValues.text(execution.getVariable("noticeVia")));
        if (via == null) {
            throw new EngineRefusal("form.required", "Hình thức gửi thông báo");
        }
        if (!Boolean.TRUE.equals(execution.getVariable("accusedNotified"))) {
            throw new EngineRefusal("denunciation.notice.accused-required");
        }
        notes.add(caseId(execution), CaseNotes.Visibility.PUBLIC, "system", "Đã gửi thông báo thụ lý tố cáo cho người tố cáo ("
                + via + ") ngày " + DAY.format(LocalDate.now(clock)) + "; nội dung tố cáo đã được thông báo cho người bị tố cáo.");
    }

    private static final Map<String, String> SENT_VIA = Map.of("post", "qua bưu điện", "in-person", "trao trực tiếp",
            "email", "qua thư điện tử");
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * The conclusion as the head approved it for publication goes on the portal (Law on Denunciations Art. 40(1)),
     * refused if it names or locates the denouncer.
     */
    public void publishConclusion(DelegateExecution execution) {
        CitizenCase c = caseOf(execution);
        String text = FormValues.limit(FormValues.text(execution.getVariable("publishedText")), 4000);
        if (text.isEmpty()) {
            throw new EngineRefusal("form.required", "Nội dung công khai");
        }
        if (vault.mentionedIn(c.id(), text, "system", "Kiểm tra nội dung công khai kết luận")) {
            throw new EngineRefusal("denunciation.publish.identity");
        }
        Date signedAt = (Date) execution.getVariable("signedAt");
        Instant now = clock.instant();
        publications.add(c.id(), c.unitCode(), signedAt == null ? now : signedAt.toInstant(), now, text);
        notes.add(c.id(), CaseNotes.Visibility.PUBLIC, "system", "Kết luận nội dung tố cáo đã được công khai trên cổng thông tin ngày "
                + DAY.format(LocalDate.ofInstant(now, clock.getZone())) + ".");
    }

    /**
     * A further denunciation (Law on Denunciations Art. 38) reached the superior unit: the process learns, from the
     * case file and never from a variable, who resolved the first one and what they concluded.
     */
    public void furtherDenunciationReceived(DelegateExecution execution) {
        CitizenCase c = caseOf(execution);
        CitizenCase first = c.parentCaseId() == null ? null : cases.find(c.parentCaseId()).orElse(null);
        if (first == null || first.kind() != CaseKind.DENUNCIATION) {
            throw new ProcessEngineException("Case " + c.trackingCode() + " continues no denunciation");
        }
        OrgUnit resolver = units.find(first.unitCode()).orElseThrow();
        execution.setVariable("resolverUnitCode", resolver.code());
        execution.setVariable("resolverUnitName", resolver.name());
        execution.setVariable("firstCaseCode", first.trackingCode());
        execution.setVariable("firstConclusion", first.decisionText() != null
                ? CaseProcessStart.excerpt(first.decisionText())
                : "Chưa có kết luận: đã quá thời hạn giải quyết"
                        + (first.statutoryDeadline() == null ? "" : " (hạn " + DAY.format(LocalDate.ofInstant(
                                first.statutoryDeadline(), clock.getZone())) + ")") + ".");
        notes.add(c.id(), CaseNotes.Visibility.PUBLIC, "system", "Tố cáo tiếp đã được chuyển đến "
                + execution.getVariable("unitName") + ", cấp trên trực tiếp của " + resolver.name() + ".");
    }

    public void answer(DelegateExecution execution, String text) {
        long caseId = caseId(execution);
        Instant now = clock.instant();
        cases.decide(caseId, text, now);
        cases.close(caseId, CaseStatus.ANSWERED, now);
        notices.queue(caseId, CaseNotice.ANSWERED);
    }

    public void close(DelegateExecution execution, String status) {
        long caseId = caseId(execution);
        CaseStatus closed = CaseStatus.valueOf(status);
        cases.close(caseId, closed, clock.instant());
        if (closed == CaseStatus.WITHDRAWN) {
            notices.queue(caseId, CaseNotice.WITHDRAWN);
        }
    }

    private void moveTo(DelegateExecution execution, OrgUnit unit) {
        execution.setVariable("unitCode", unit.code());
        execution.setVariable("unitName", unit.name());
        cases.moveToUnit(caseId(execution), unit.code());
    }

    /** The district level was abolished on 1 July 2025: where it no longer exists, the province decides. */
    private OrgUnit nextLevelUp(OrgUnit unit) {
        return superiors.of(unit.code())
                .orElseThrow(() -> new ProcessEngineException("No superior unit of " + unit.code() + " is active"));
    }

    private long caseId(DelegateExecution execution) {
        return caseOf(execution).id();
    }

    /**
     * The case this process tree works on: found by the instance's business key (the tracking code the
     * case process was started with), and owned by this tree once the start has linked them; never by
     * a variable.
     */
    private CitizenCase caseOf(DelegateExecution execution) {
        CitizenCase c = cases.findByCode(execution.getProcessBusinessKey())
                .orElseThrow(() -> new EngineRefusal("engine.refused.foreign-object"));
        if (c.processInstanceId() != null) {
            ProcessTree.requireOwned(c.processInstanceId(), execution);
        }
        return c;
    }

    private LocalDate toDay(Date date) {
        return LocalDate.ofInstant(date.toInstant(), clock.getZone());
    }
}
