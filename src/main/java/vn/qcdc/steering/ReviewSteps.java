package vn.qcdc.steering;

import static vn.qcdc.platform.FormValues.codes;
import static vn.qcdc.platform.FormValues.date;
import static vn.qcdc.platform.FormValues.number;
import static vn.qcdc.platform.FormValues.text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Officers;
import vn.qcdc.identity.Role;
import vn.qcdc.platform.EngineRefusal;
import vn.qcdc.platform.FormRows;
import vn.qcdc.platform.ProcessTree;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.UnitAuthority;
import vn.qcdc.organization.OrgUnitType;
import vn.qcdc.rules.DeadlineService;

/**
 * The steps of periodic-review.bpmn, called as {@code review}. Refusals are {@link EngineRefusal}s (a message key
 * in the steering bundles), thrown before anything is written (the engine's transaction, which our writes join, rolls back).
 */
@Component("review")
public class ReviewSteps {

    static final String RULE = "review.report";
    static final Set<String> GRADES = Set.of("EXCELLENT", "GOOD", "COMPLETE", "NOT_COMPLETE");
    /** The task variable the forms' unit pickers read their choices from (code to name). */
    static final String UNIT_CHOICES = "unitChoices";
    static final String PROPOSALS = "proposals";
    /** party_classification.reward_proposal */
    static final int MAX_AWARD = 2000;
    private static final Set<OrgUnitType> IN_SCOPE = Set.of(OrgUnitType.DISTRICT, OrgUnitType.COMMUNE, OrgUnitType.AGENCY);

    private final ReviewStore store;
    private final OrgUnitRepository units;
    private final DeadlineService deadlines;
    private final IdentityService identity;
    private final UnitAuthority unitAuthority;
    private final Officers officers;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final Clock clock;
    private final MessageSource messages;

    ReviewSteps(ReviewStore store, OrgUnitRepository units, DeadlineService deadlines, @Lazy IdentityService identity,
            @Lazy org.camunda.bpm.engine.RuntimeService runtime,
            UnitAuthority unitAuthority, @Lazy Officers officers, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.officers = officers;
        this.unitAuthority = unitAuthority;
        this.runtime = runtime;
        this.store = store;
        this.units = units;
        this.deadlines = deadlines;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * Validates the start (form or timer), records the review and a draft report per unit in scope. The timer start
     * (15 June and 15 December, 08:00) opens the half-year review in June and the annual review in December, with
     * the deadline of the {@code review.report} rule.
     */
    public void openReview(DelegateExecution execution) {
        LocalDate today = LocalDate.now(clock);
        Object yearValue = execution.getVariable("year");
        int year;
        String period;
        LocalDate deadline;
        if (yearValue == null) {
            year = today.getYear();
            period = today.getMonthValue() <= 6 ? "HALF_YEAR" : "ANNUAL";
            deadline = deadlines.dueDay(RULE, today);
        } else {
            year = number(yearValue, "Năm");
            period = text(execution.getVariable("period"));
            if (!period.equals("HALF_YEAR") && !period.equals("ANNUAL")) {
                throw new EngineRefusal("steering.review.period-invalid");
            }
            Object d = execution.getVariable("deadline");
            deadline = d == null || text(d).isEmpty() ? deadlines.dueDay(RULE, today)
                    : date(d, "Hạn nộp báo cáo", clock.getZone());
        }
        if (year < 2018 || year > today.getYear() + 1) {
            throw new EngineRefusal("steering.review.year-invalid", year);
        }
        if (deadline.isBefore(today)) {
            throw new EngineRefusal("steering.review.deadline-past", deadline);
        }
        if (store.exists(year, period)) {
            throw new EngineRefusal(period.equals("ANNUAL") ? "steering.review.exists.annual" : "steering.review.exists.half-year", year);
        }
        List<OrgUnit> active = units.findActiveOn(today);
        OrgUnit province = active.stream().filter(u -> u.type() == OrgUnitType.PROVINCE).findFirst()
                .orElseThrow(() -> new EngineRefusal("steering.review.no-province"));
        List<OrgUnit> scope = scope(execution.getVariable("units"), active);
        Set<String> codes = new java.util.HashSet<>(scope.stream().map(OrgUnit::code).toList());
        String openedBy = text(execution.getVariable("openedBy"));
        unitAuthority.requireOver(openedBy, Role.STEERING_SECRETARY, scope.stream().map(OrgUnit::code).toList(),
                "steering.review.not-your-scope");
        long reviewId = store.insertReview(year, period, today, deadline, openedBy.isEmpty() ? "system" : openedBy,
                clock.instant());
        Map<String, OrgUnit> byCode = new LinkedHashMap<>();
        active.forEach(u -> byCode.put(u.code(), u));
        for (OrgUnit u : scope) {
            String parent = u.parentCode();
            while (parent != null && !codes.contains(parent) && !parent.equals(province.code()) && byCode.containsKey(parent)) {
                parent = byCode.get(parent).parentCode();
            }
            store.insertReport(reviewId, u.code(), parent == null ? province.code() : parent);
        }
        store.recordOwner(reviewId, execution.getProcessInstanceId());
        execution.setVariable("reviewId", reviewId);
        execution.setVariable("year", year);
        execution.setVariable("period", period);
        execution.setVariable("deadline", deadline.toString());
        execution.setVariable("deadlineAt", deadlines.endOf(deadline));
        execution.setVariable("provinceCode", province.code());
    }

    private List<OrgUnit> scope(Object value, List<OrgUnit> active) {
        List<String> requested = codes(value);
        if (requested.isEmpty()) {
            return active.stream().filter(u -> IN_SCOPE.contains(u.type())).toList();
        }
        List<OrgUnit> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : requested) {
            active.stream().filter(u -> u.code().equals(raw) && IN_SCOPE.contains(u.type())).findFirst()
                    .ifPresentOrElse(out::add, () -> unknown.add(raw));
        }
        if (!unknown.isEmpty()) {
            throw new EngineRefusal("steering.review.units-invalid", String.join(", ", unknown));
        }
        if (out.isEmpty()) {
            throw new EngineRefusal("steering.review.no-units");
        }
        return out;
    }

    /** The scheduled start (periodic-review-schedule.bpmn): a review of the season, as the timer's date says. */
    public void startScheduled(DelegateExecution execution) {
        runtime.startProcessInstanceByKey("periodic-review", java.util.Map.of("openedBy", "system"));
    }

    public List<String> unitsOf(long reviewId) {
        return store.unitsOf(reviewId);
    }

    /** The units whose report is still a draft, for their supervisors' follow-up. */
    public List<String> lateUnits(long reviewId) {
        return store.reports(reviewId).stream().filter(r -> r.status() == ReviewStore.Report.Status.DRAFT).map(ReviewStore.Report::unitCode).toList();
    }

    /** Complete listener of a unit's report task: the report must have been submitted on its page. */
    public void checkSubmitted(DelegateTask task) {
        long reviewId = reviewId(task.getExecution());
        String unit = (String) task.getVariable("unitCode");
        ReviewStore.Report r = store.report(reviewId, unit).orElseThrow();
        if (r.status() == ReviewStore.Report.Status.DRAFT) {
            throw new EngineRefusal("steering.review.report-missing", reviewId, unit);
        }
    }

    public void consolidate(DelegateExecution execution) {
        long reviewId = reviewId(execution);
        store.markConsolidated(reviewId);
        store.setStatus(reviewId, ReviewStore.Review.Status.CONSOLIDATING);
    }

    /** Complete listener of the head's sign-off: a return needs comments. */
    public void checkSignOff(DelegateTask task) {
        Object approved = task.getVariable("approved");
        if (!(approved instanceof Boolean)) {
            throw new EngineRefusal("steering.sign-off.decision-required");
        }
        if (!(Boolean) approved && text(task.getVariable("headComment")).isBlank()) {
            throw new EngineRefusal("steering.sign-off.return-needs-comment");
        }
    }

    public void returned(DelegateExecution execution) {
        store.headComment(reviewId(execution), text(execution.getVariable("headComment")));
    }

    public void signedOff(DelegateExecution execution) {
        long id = reviewId(execution);
        String comment = text(execution.getVariable("headComment"));
        if (!comment.isBlank()) {
            store.headComment(id, comment);
        }
        store.signOff(id, userOr(text(execution.getVariable("signedOffBy"))), clock.instant());
    }

    /**
     * Create listener of the proposals: the review's party organisations, by name, to pick from; unless the list is
     * already there, one row per organisation with its QCDC performance, so the secretary only picks grades.
     */
    public void offerProposals(DelegateTask task) {
        long reviewId = reviewId(task.getExecution());
        Map<String, String> organisations = byName(partyOrganisations(reviewId));
        task.setVariableLocal(UNIT_CHOICES, FormRows.choices(organisations));
        FormRows.prefill(task, PROPOSALS, () -> organisations.keySet().stream()
                .map(unit -> row(unit, "", "", qcdcPerformance(reviewId, unit))).toList());
    }

    /** Complete listener of the proposals: rows of a party organisation of the review, a grade and an award. */
    public void recordProposals(DelegateTask task) {
        long reviewId = reviewId(task.getExecution());
        ReviewStore.Review review = store.review(reviewId).orElseThrow();
        Map<String, Map<String, String>> rows = graded(task.getVariable(PROPOSALS), "Đề xuất", partyOrganisations(reviewId));
        if (rows.isEmpty()) {
            throw new EngineRefusal("steering.classification.no-proposals");
        }
        rows.forEach((unit, row) -> {
            if (FormRows.text(row, "award").length() > MAX_AWARD) {
                throw new EngineRefusal("steering.classification.award-too-long", unitName(unit), MAX_AWARD);
            }
        });
        rows.forEach((unit, row) -> {
            String award = FormRows.text(row, "award");
            store.propose(reviewId, unit, review.year(), FormRows.text(row, "grade"), qcdcPerformance(reviewId, unit),
                    award.isEmpty() ? null : award);
        });
        store.setStatus(reviewId, ReviewStore.Review.Status.CLASSIFYING);
    }

    /**
     * Create listener of the head's decision: the proposals as recorded, shown read-only in a list of the task's own
     * (what comes back with the form is never read), and the proposed organisations to pick a different grade for.
     */
    public void offerDecisions(DelegateTask task) {
        long reviewId = reviewId(task.getExecution());
        ReviewStore.Review review = store.review(reviewId).orElseThrow();
        List<ReviewStore.Classification> proposed = proposed(reviewId, review.year());
        Map<String, ReviewStore.Classification> byUnit = new LinkedHashMap<>();
        proposed.forEach(c -> byUnit.putIfAbsent(c.unitCode(), c));
        Map<String, String> organisations = byName(List.copyOf(byUnit.keySet()));
        task.setVariableLocal(UNIT_CHOICES, FormRows.choices(organisations));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String unit : organisations.keySet()) {
            ReviewStore.Classification c = byUnit.get(unit);
            rows.add(row(unit, c.proposedGrade(), c.rewardProposal() == null ? "" : c.rewardProposal(),
                    c.qcdcPerformance() == null ? "" : c.qcdcPerformance()));
        }
        task.setVariableLocal(PROPOSALS, FormRows.json(rows));
    }

    /** Complete listener of the head's decision: rows {@code unit, grade} change a proposal; the rest are confirmed. */
    public void recordDecisions(DelegateTask task) {
        long reviewId = reviewId(task.getExecution());
        ReviewStore.Review review = store.review(reviewId).orElseThrow();
        List<ReviewStore.Classification> proposed = proposed(reviewId, review.year());
        Map<String, Map<String, String>> changes = graded(task.getVariable("decisions"), "Quyết định khác đề xuất",
                partyOrganisations(reviewId));
        for (String unit : changes.keySet()) {
            if (proposed.stream().noneMatch(c -> c.unitCode().equals(unit))) {
                throw new EngineRefusal("steering.classification.not-proposed", unitName(unit));
            }
        }
        String by = userOr(task.getAssignee());
        Instant at = clock.instant();
        for (ReviewStore.Classification c : proposed) {
            Map<String, String> change = changes.get(c.unitCode());
            store.decide(c.unitCode(), review.year(), change == null ? c.proposedGrade() : FormRows.text(change, "grade"),
                    by, at);
        }
        store.setStatus(reviewId, ReviewStore.Review.Status.CLOSED);
    }

    private List<ReviewStore.Classification> proposed(long reviewId, int year) {
        return store.classifications(year).stream().filter(c -> c.reviewId() == reviewId).toList();
    }

    /** The grassroots party organisations of a review: its commune-level units. */
    List<String> partyOrganisations(long reviewId) {
        return store.unitsOf(reviewId).stream().filter(c -> units.find(c).map(u -> u.type() == OrgUnitType.COMMUNE).orElse(false))
                .toList();
    }

    String qcdcPerformance(long reviewId, String unit) {
        var report = store.report(reviewId, unit).orElseThrow();
        var sections = store.sections(report.id()).values();
        long measured = sections.stream().filter(s -> s.denominator() != null && s.denominator() > 0).count();
        long met = sections.stream().filter(s -> s.denominator() != null && s.denominator() > 0
                && s.numerator().equals(s.denominator())).count();
        // written into the classification, which Tasklist's Vietnamese forms show
        Locale vi = Locale.forLanguageTag("vi");
        return messages.getMessage("steering.qcdc-performance.summary", new Object[] {met, measured,
                messages.getMessage("steering.report." + report.status(), null, vi)}, vi);
    }

    /**
     * The rows of a list of grades by unit, each checked: a unit of {@code allowed}, listed once, with a known grade
     * (its code upper-cased). Nothing is half read: the first bad row refuses the whole list.
     */
    private Map<String, Map<String, String>> graded(Object value, String label, List<String> allowed) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map<String, String> row : FormRows.of(value, label)) {
            String unit = FormRows.text(row, "unitCode");
            if (unit.isEmpty()) {
                throw new EngineRefusal("steering.classification.unit-required", label);
            }
            if (!allowed.contains(unit)) {
                throw new EngineRefusal("steering.classification.not-party-organisation", unit);
            }
            if (out.containsKey(unit)) {
                throw new EngineRefusal("steering.classification.unit-twice", unitName(unit));
            }
            String grade = FormRows.text(row, "grade").toUpperCase(Locale.ROOT);
            if (grade.isEmpty()) {
                throw new EngineRefusal("steering.classification.grade-required", unitName(unit));
            }
            if (!GRADES.contains(grade)) {
                throw new EngineRefusal("steering.classification.grade-unknown", unitName(unit), grade);
            }
            Map<String, String> checked = new LinkedHashMap<>(row);
            checked.put("grade", grade);
            out.put(unit, checked);
        }
        return out;
    }

    private String unitName(String code) {
        return units.find(code).map(OrgUnit::name).orElse(code);
    }

    /** Unit codes and names in the order of the names, as a picker lists them; each name read once. */
    private Map<String, String> byName(List<String> codes) {
        Map<String, String> names = new HashMap<>();
        codes.forEach(code -> names.put(code, unitName(code)));
        Map<String, String> sorted = new LinkedHashMap<>();
        codes.stream().distinct().sorted(Comparator.comparing((String code) -> names.get(code))
                .thenComparing(Comparator.naturalOrder())).forEach(code -> sorted.put(code, names.get(code)));
        return sorted;
    }

    private static Map<String, String> row(String unit, String grade, String award, String qcdcPerformance) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("unitCode", unit);
        row.put("grade", grade);
        row.put("award", award);
        row.put("qcdcPerformance", qcdcPerformance);
        return row;
    }

    private String userOr(String fallback) {
        return officers.currentUserOr(fallback == null || fallback.isBlank() ? "system" : fallback);
    }

    /** The review this process owns, never one a variable merely names. */
    private long reviewId(DelegateExecution execution) {
        return ProcessTree.ownedId(execution, "reviewId", store::owner);
    }

    /**
     * Opening work for units needs a steering secretary of a unit that every one of them lies within (the
     * province for the whole province); the scheduled start, by no one, is the system's own.
     */

}
