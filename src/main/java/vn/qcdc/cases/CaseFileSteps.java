package vn.qcdc.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.qcdc.platform.EngineRefusal;
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
    private final CitizenNotices notices;
    private final Clock clock;

    CaseFileSteps(CaseRepository cases, CaseNotes notes, DeadlineService deadlines, OrgUnitRepository units,
            CitizenNotices notices, Clock clock) {
        this.cases = cases;
        this.notices = notices;
        this.notes = notes;
        this.deadlines = deadlines;
        this.units = units;
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
        OrgUnit parent = unit.parentCode() == null ? null : units.find(unit.parentCode()).orElse(null);
        while (parent != null && !parent.activeOn(LocalDate.now(clock))) {
            parent = parent.successorCode() == null ? null : units.find(parent.successorCode()).orElse(null);
        }
        if (parent == null) {
            throw new ProcessEngineException("No superior unit of " + unit.code() + " is active");
        }
        return parent;
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
