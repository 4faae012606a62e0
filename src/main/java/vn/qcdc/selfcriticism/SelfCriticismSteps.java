package vn.qcdc.selfcriticism;

import static vn.qcdc.platform.FormValues.codes;
import static vn.qcdc.platform.FormValues.date;
import static vn.qcdc.platform.FormValues.limit;
import static vn.qcdc.platform.FormValues.lines;
import static vn.qcdc.platform.FormValues.number;
import static vn.qcdc.platform.FormValues.text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Officers;
import vn.qcdc.identity.Role;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.OrgUnitType;
import vn.qcdc.organization.UnitAuthority;
import vn.qcdc.platform.EngineRefusal;
import vn.qcdc.platform.FormRows;
import vn.qcdc.platform.ProcessTree;
import vn.qcdc.rules.DeadlineService;

/**
 * The steps of the self-criticism processes, called from the BPMN as {@code selfCriticism}. Every refusal is a
 * {@link ProcessEngineException} with a Vietnamese message, thrown before anything is written: the engine's
 * transaction (which our JDBC writes join) rolls back and the form stays open.
 */
@Component("selfCriticism")
public class SelfCriticismSteps {

    /** A session starts at 07:30; the comment period ends then. */
    static final LocalTime SESSION_START = LocalTime.of(7, 30);
    static final String NOTICE_RULE = "selfcriticism.notice";
    /** The task variable the plan form's official picker reads its choices from. */
    static final String OFFICIAL_CHOICES = "officialChoices";
    /** The task variable the minutes form's picker of who carries out a commitment reads. */
    static final String OWNER_CHOICES = "ownerChoices";

    private final SelfCriticismStore store;
    private final OrgUnitRepository units;
    private final DeadlineService deadlines;
    private final IdentityService identity;
    private final UnitAuthority unitAuthority;
    private final Officers officers;
    private final Clock clock;

    SelfCriticismSteps(SelfCriticismStore store, OrgUnitRepository units, DeadlineService deadlines,
            @Lazy IdentityService identity, UnitAuthority unitAuthority, @Lazy Officers officers, Clock clock) {
        this.unitAuthority = unitAuthority;
        this.officers = officers;
        this.store = store;
        this.units = units;
        this.deadlines = deadlines;
        this.identity = identity;
        this.clock = clock;
    }

    // ---- the round -------------------------------------------------------------------------------

    /** Validates the start form, records the round and one session per unit. */
    public void openRound(DelegateExecution execution) {
        int year = number(execution.getVariable("year"), "Năm kiểm điểm");
        LocalDate today = LocalDate.now(clock);
        if (year < 2018 || year > today.getYear() + 1) {
            throw new EngineRefusal("selfcriticism.round.year-invalid", year);
        }
        LocalDate deadline = date(execution.getVariable("deadline"), "Hạn hoàn thành", clock.getZone());
        if (deadline.isBefore(today)) {
            throw new EngineRefusal("selfcriticism.round.deadline-past", deadline);
        }
        if (store.roundExists(year)) {
            throw new EngineRefusal("selfcriticism.round.exists", year);
        }
        List<String> codes = unitsFor(execution.getVariable("units"), today);
        String openedBy = text(execution.getVariable("openedBy"));
        unitAuthority.requireOver(openedBy, Role.STEERING_SECRETARY, codes, "selfcriticism.round.not-your-scope");
        long roundId = store.insertRound(year, deadline, openedBy.isEmpty() ? "system" : openedBy, clock.instant());
        codes.forEach(code -> store.insertSession(roundId, code));
        store.recordOwner(roundId, execution.getProcessInstanceId());
        execution.setVariable("roundId", roundId);
        execution.setVariable("year", year);
        execution.setVariable("deadline", deadline.toString());
    }

    private List<String> unitsFor(Object value, LocalDate today) {
        List<String> requested = codes(value);
        if (requested.isEmpty()) {
            List<String> all = units.findActiveOn(today).stream().filter(u -> u.type() == OrgUnitType.COMMUNE)
                    .map(OrgUnit::code).toList();
            if (all.isEmpty()) {
                throw new EngineRefusal("selfcriticism.round.no-communes");
            }
            return all;
        }
        List<String> codes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : requested) {
            boolean ok = units.find(code).filter(u -> u.activeOn(today) && u.type().hasOfficers()).isPresent();
            if (ok) {
                codes.add(code);
            } else {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new EngineRefusal("selfcriticism.round.units-unknown", String.join(", ", unknown));
        }
        return codes;
    }

    public List<String> unitsOf(long roundId) {
        return store.unitsOf(roundId);
    }

    public long sessionIdOf(long roundId, String unitCode) {
        return store.sessionIdOf(roundId, unitCode);
    }

    public Date roundDeadline(long roundId) {
        return deadlines.endOf(store.roundDeadline(roundId));
    }

    public void closeRound(DelegateExecution execution) {
        store.closeRound(roundId(execution), clock.instant());
    }

    // ---- the session -----------------------------------------------------------------------------

    /** Create listener of "plan the session": the unit's officers, to pick the officials from. */
    public void offerOfficials(DelegateTask task) {
        Map<String, String> choices = new LinkedHashMap<>();
        officers.inUnit((String) task.getVariable("unitCode"))
                .forEach(p -> choices.put(p.userId(), p.name() + " (" + p.userId() + ")"));
        task.setVariableLocal(OFFICIAL_CHOICES, FormRows.choices(choices));
    }

    /** Complete listener of "plan the session": the statutory notice period, the venue, the officials. */
    public void checkPlan(DelegateTask task) {
        plan(task.getVariable("sessionDate"), task.getVariable("venue"), task.getVariable("officials"),
                (String) task.getVariable("unitCode"));
    }

    record Plan(LocalDate date, String venue, Map<String, String> officials) {
    }

    Plan plan(Object dateValue, Object venueValue, Object officialsValue, String unitCode) {
        LocalDate date = date(dateValue, "Ngày tổ chức", clock.getZone());
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today)) {
            throw new EngineRefusal("selfcriticism.plan.date-past", date);
        }
        int notice = deadlines.ruleInForce(NOTICE_RULE, today).amount();
        if (date.isBefore(today.plusDays(notice))) {
            throw new EngineRefusal("selfcriticism.plan.notice-too-short", notice, today.plusDays(notice));
        }
        String venue = text(venueValue);
        if (venue.isBlank() || venue.length() > 300) {
            throw new EngineRefusal("selfcriticism.plan.venue-required");
        }
        Set<String> unitOfficers = officers.inUnit(unitCode).stream().map(Officers.Person::userId)
                .collect(Collectors.toSet());
        Map<String, String> officials = new LinkedHashMap<>();
        for (Map<String, String> row : FormRows.of(officialsValue, "Cán bộ chủ chốt tự kiểm điểm")) {
            String user = FormRows.text(row, "userId");
            String title = FormRows.text(row, "title");
            if (identity.createUserQuery().userId(user).count() == 0) {
                throw new EngineRefusal("selfcriticism.plan.user-unknown", user);
            }
            if (!unitOfficers.contains(user)) {
                throw new EngineRefusal("selfcriticism.plan.official-not-in-unit", user);
            }
            if (title.isEmpty() || title.length() > 200) {
                throw new EngineRefusal("selfcriticism.plan.official-title", user);
            }
            if (officials.put(user, title) != null) {
                throw new EngineRefusal("selfcriticism.plan.official-twice", user);
            }
        }
        if (officials.isEmpty()) {
            throw new EngineRefusal("selfcriticism.plan.no-officials");
        }
        return new Plan(date, venue, officials);
    }

    public void publishNotice(DelegateExecution execution) {
        Plan plan = plan(execution.getVariable("sessionDate"), execution.getVariable("venue"),
                execution.getVariable("officials"), (String) execution.getVariable("unitCode"));
        long sessionId = sessionId(execution);
        store.publishNotice(sessionId, plan.date(), plan.venue(), execution.getProcessInstanceId(), clock.instant());
        plan.officials().forEach((user, title) -> store.insertOfficial(sessionId, user, title));
    }

    public List<String> officialUsers(long sessionId) {
        return store.officials(sessionId).stream().map(SelfCriticismStore.Official::userId).toList();
    }

    public Date sessionStart(long sessionId) {
        LocalDate day = store.session(sessionId).orElseThrow().date();
        return Date.from(day.atTime(SESSION_START).atZone(deadlines.zone()).toInstant());
    }

    /** Complete listener of "self-assessment in writing". */
    public void saveSelfAssessment(DelegateTask task) {
        String text = text(task.getVariable("selfAssessment"));
        if (text.isBlank() || text.length() > 4000) {
            throw new EngineRefusal("selfcriticism.assessment.required");
        }
        store.saveSelfAssessment(sessionId(task.getExecution()),
                text(task.getVariable("officialUserId")), text);
    }

    public void closeComments(DelegateExecution execution) {
        store.setStatus(sessionId(execution), SessionStatus.COMMENTS_CLOSED);
    }

    record Commitment(long officialId, String body, String owner, LocalDate due) {
    }

    record Minutes(String attendance, String text, Map<Long, String[]> responses, List<Commitment> commitments) {
    }

    /**
     * Create listener of "record the minutes": the session's officials and the unit's officers to pick from, and
     * one response row per official, ready to fill.
     */
    public void offerMinutesChoices(DelegateTask task) {
        long sessionId = sessionId(task.getExecution());
        Map<String, String> officials = new LinkedHashMap<>();
        List<Map<String, String>> responseRows = new ArrayList<>();
        for (SelfCriticismStore.Official o : store.officials(sessionId)) {
            officials.put(o.userId(), officers.displayName(o.userId()) + " – " + o.title());
            responseRows.add(Map.of("official", o.userId(), "response", "", "assessment", ""));
        }
        Map<String, String> owners = new LinkedHashMap<>();
        officers.inUnit(store.session(sessionId).orElseThrow().unitCode())
                .forEach(p -> owners.put(p.userId(), p.name() + " (" + p.userId() + ")"));
        task.setVariableLocal(OFFICIAL_CHOICES, FormRows.choices(officials));
        task.setVariableLocal(OWNER_CHOICES, FormRows.choices(owners));
        FormRows.prefill(task, "officialResponses", () -> responseRows);
    }

    /** Complete listener of "record the minutes": everything is checked before the service step saves it. */
    public void checkMinutes(DelegateTask task) {
        minutes(sessionId(task.getExecution()), task.getVariable("attendance"),
                task.getVariable("commentsRaised"), task.getVariable("officialResponses"), task.getVariable("commitments"));
    }

    Minutes minutes(long sessionId, Object attendanceValue, Object textValue, Object responsesValue, Object commitmentsValue) {
        String attendance = text(attendanceValue);
        String text = text(textValue);
        if (attendance.isBlank() || attendance.length() > 2000) {
            throw new EngineRefusal("selfcriticism.minutes.attendance-required");
        }
        if (text.length() > 4000) {
            throw new EngineRefusal("selfcriticism.minutes.comments-too-long");
        }
        Map<String, Long> officials = new LinkedHashMap<>();
        store.officials(sessionId).forEach(o -> officials.put(o.userId(), o.id()));
        Map<Long, String[]> responses = new LinkedHashMap<>();
        for (Map<String, String> row : FormRows.of(responsesValue, "Tiếp thu, giải trình và đánh giá của nhân dân")) {
            String response = FormRows.text(row, "response");
            String assessment = FormRows.text(row, "assessment");
            if (response.isEmpty() && assessment.isEmpty()) {
                continue;
            }
            Long official = official(officials, FormRows.text(row, "official"));
            if (responses.put(official, new String[] {limit(response, 4000), limit(assessment, 4000)}) != null) {
                throw new EngineRefusal("selfcriticism.minutes.response-twice", FormRows.text(row, "official"));
            }
        }
        Set<String> unitOfficers = null;
        List<Commitment> commitments = new ArrayList<>();
        for (Map<String, String> row : FormRows.of(commitmentsValue, "Việc cần khắc phục (cam kết)")) {
            Long official = official(officials, FormRows.text(row, "official"));
            String body = FormRows.text(row, "body");
            if (body.isEmpty()) {
                throw new EngineRefusal("selfcriticism.minutes.commitment-body", FormRows.text(row, "official"));
            }
            String owner = FormRows.text(row, "owner");
            if (identity.createUserQuery().userId(owner).count() == 0) {
                throw new EngineRefusal("selfcriticism.minutes.owner-unknown", owner);
            }
            if (unitOfficers == null) {
                unitOfficers = officers.inUnit(store.session(sessionId).orElseThrow().unitCode()).stream()
                        .map(Officers.Person::userId).collect(Collectors.toSet());
            }
            if (!unitOfficers.contains(owner)) {
                throw new EngineRefusal("selfcriticism.minutes.owner-not-in-unit", owner);
            }
            LocalDate due = date(FormRows.text(row, "due"), "Hạn thực hiện", clock.getZone());
            if (!due.isAfter(LocalDate.now(clock))) {
                throw new EngineRefusal("selfcriticism.minutes.due-past", due);
            }
            commitments.add(new Commitment(official, limit(body, 2000), owner, due));
        }
        return new Minutes(attendance, text, responses, commitments);
    }

    public void recordMinutes(DelegateExecution execution) {
        long sessionId = sessionId(execution);
        Minutes m = minutes(sessionId, execution.getVariable("attendance"), execution.getVariable("commentsRaised"),
                execution.getVariable("officialResponses"), execution.getVariable("commitments"));
        store.recordMinutes(sessionId, m.attendance(), m.text());
        m.responses().forEach((official, r) -> store.saveResponse(official, r[0], r[1]));
        m.commitments().forEach(c -> store.insertAction(sessionId, c.officialId(), c.body(), c.owner(), c.due()));
    }

    public List<Long> actionItems(long sessionId) {
        return store.actions(sessionId).stream().map(SelfCriticismStore.ActionItem::id).toList();
    }

    /** Complete listener of "sign off the report": who signed. */
    public void signedBy(DelegateTask task) {
        task.getExecution().setVariable("signedOffBy", officers.currentUserOr("system"));
    }

    public void reportSignedOff(DelegateExecution execution) {
        Object by = execution.getVariable("signedOffBy");
        store.signOff(sessionId(execution), by == null ? "system" : by.toString(), clock.instant());
    }

    // ---- action items ----------------------------------------------------------------------------

    public String actionOwner(long actionItemId) {
        return store.action(actionItemId).owner();
    }

    public Date actionDue(long actionItemId) {
        return deadlines.endOf(store.action(actionItemId).due());
    }

    public void actionDone(DelegateExecution execution) {
        store.actionDone(actionItemId(execution), clock.instant());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Long official(Map<String, Long> officials, String user) {
        Long id = officials.get(user.trim());
        if (id == null) {
            throw new EngineRefusal("selfcriticism.minutes.not-an-official", user.trim());
        }
        return id;
    }

    /** The round, session or action item this process tree owns, never one a variable merely names. */
    private long roundId(DelegateExecution execution) {
        return ProcessTree.ownedId(execution, "roundId", store::ownerOfRound);
    }

    private long sessionId(DelegateExecution execution) {
        return ProcessTree.ownedId(execution, "sessionId", store::ownerOfSession);
    }

    private long actionItemId(DelegateExecution execution) {
        return ProcessTree.ownedId(execution, "actionItemId", store::ownerOfAction);
    }

    /**
     * Opening work for units needs a steering secretary of a unit that every one of them lies within (the
     * province for the whole province); the scheduled start, by no one, is the system's own.
     */

}
