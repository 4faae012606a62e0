package vn.qcdc.inspection;

import static vn.qcdc.platform.FormValues.codes;
import static vn.qcdc.platform.FormValues.date;
import static vn.qcdc.platform.FormValues.limit;
import static vn.qcdc.platform.FormValues.number;
import static vn.qcdc.platform.FormValues.text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Officers;
import vn.qcdc.platform.EngineRefusal;
import vn.qcdc.identity.Role;
import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.UnitAuthority;
import vn.qcdc.platform.FormRows;
import vn.qcdc.platform.ProcessTree;
import vn.qcdc.rules.DeadlineService;

/**
 * The steps of inspection-plan, inspection-unit and inspection-remediation, called from the BPMN as
 * {@code inspections}. Every refusal is a {@link ProcessEngineException} with a Vietnamese message, thrown before
 * anything is written: the engine's transaction (which our JDBC writes join) rolls back and the form stays open.
 */
@Component("inspections")
public class InspectionSteps {

    static final String NOTICE_RULE = "inspection.notice";
    /** The form-js dynamic lists of the unit's self-report, the team's checklist and the draft conclusion. */
    static final String SELF_REPORT = "selfReport";
    static final String CHECKLIST = "checklist";
    static final String RECOMMENDATIONS = "recommendations";
    /** The task variable the lists' target pickers read their choices from; a row's target field. */
    static final String TARGET_CHOICES = "targetChoices";
    static final String TARGET = "target";
    static final Set<String> VERDICTS = Set.of("MET", "PARTLY_MET", "NOT_MET");

    private final InspectionStore store;
    private final OrgUnitRepository units;
    private final DeadlineService deadlines;
    private final IdentityService identity;
    private final TargetChoices targets;
    private final MessageSource messages;
    private final UnitAuthority unitAuthority;
    private final Officers officers;
    private final Clock clock;

    InspectionSteps(InspectionStore store, OrgUnitRepository units, DeadlineService deadlines, @Lazy IdentityService identity,
            TargetChoices targets, @Lazy Officers officers, Clock clock, MessageSource messages, UnitAuthority unitAuthority) {
        this.unitAuthority = unitAuthority;
        this.messages = messages;
        this.officers = officers;
        this.targets = targets;
        this.store = store;
        this.units = units;
        this.deadlines = deadlines;
        this.identity = identity;
        this.clock = clock;
    }

    // ---- the plan --------------------------------------------------------------------------------

    record PlanForm(int year, List<String> units, LocalDate date, List<String> team, String lead, List<Integer> scope) {
    }

    /** First step of inspection-plan: checks the start form, records the plan as a draft of the secretary's unit. */
    public void draftPlan(DelegateExecution execution) {
        PlanForm form = planForm(execution.getVariable("year"), execution.getVariable("units"),
                execution.getVariable("inspectionDate"), execution.getVariable("team"), execution.getVariable("lead"),
                execution.getVariable("targets"));
        String by = text(execution.getVariable("draftedBy"));
        if (by.isEmpty()) {
            by = currentUser();
        }
        String secretary = by;
        List<String> secretaryUnits = SystemAuthority.call(identity, () -> identity.createGroupQuery().groupMember(secretary)
                .list().stream().map(Group::getId).filter(g -> g.endsWith(":" + Role.STEERING_SECRETARY.groupId()))
                .map(g -> g.substring(0, g.indexOf(':'))).sorted().toList());
        if (secretaryUnits.isEmpty()) {
            throw new EngineRefusal("inspection.plan.not-secretary");
        }
        unitAuthority.requireOver(by, Role.STEERING_SECRETARY, form.units(), "inspection.plan.not-your-scope");
        String steeringUnit = secretaryUnits.get(0);
        long planId = store.insertPlan(form.year(), steeringUnit, by, clock.instant(),
                execution.getProcessInstanceId());
        store.replacePlanContents(planId, form.year(), form.units(), form.date(), form.team(), form.lead(), form.scope());
        showInRevision(execution, form);
        execution.setVariable("planId", planId);
        execution.setVariable("unitCode", steeringUnit);
        execution.setVariable("steeringUnit", steeringUnit);
        execution.setVariable("draftedBy", by);
    }

    /** Complete listener of "Sửa kế hoạch": the revised plan replaces the draft. */
    public void revisePlan(DelegateTask task) {
        PlanForm form = planForm(task.getVariable("year"), task.getVariable("units"), task.getVariable("inspectionDate"),
                task.getVariable("team"), task.getVariable("lead"), task.getVariable("targets"));
        unitAuthority.requireOver(currentUser(), Role.STEERING_SECRETARY, form.units(), "inspection.plan.not-your-scope");
        store.replacePlanContents(ownedPlan(task.getExecution()), form.year(), form.units(), form.date(), form.team(),
                form.lead(), form.scope());
        showInRevision(task.getExecution(), form);
    }

    /**
     * The revision form opens with the plan as checked (its pickers read lists, whatever a REST caller sent), and the
     * head's approval reads it by names: units, people, the day as a Vietnamese date.
     */
    private void showInRevision(DelegateExecution execution, PlanForm form) {
        execution.setVariable("units", FormRows.picked(form.units()));
        execution.setVariable("team", FormRows.picked(form.team()));
        execution.setVariable("targets", FormRows.picked(form.scope()));
        String unitNames = String.join(", ", form.units().stream()
                .map(code -> units.find(code).map(OrgUnit::name).orElse(code)).toList());
        String team = String.join(", ", form.team().stream().map(officers::displayName).toList());
        // for Tasklist's forms, which are Vietnamese
        execution.setVariable("planSummary", messages.getMessage("inspection.plan.summary", new Object[] {
                String.valueOf(form.year()), unitNames, form.date().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), team,
                officers.displayName(form.lead()), String.join(", ", form.scope().stream().map(String::valueOf).toList())},
                Locale.forLanguageTag("vi")));
    }

    /** Complete listener of "Phê duyệt kế hoạch kiểm tra". */
    public void decidePlan(DelegateTask task) {
        String decision = text(task.getVariable("decision"));
        String comment = text(task.getVariable("headComment"));
        long planId = ownedPlan(task.getExecution());
        if ("APPROVE".equals(decision)) {
            store.setPlanStatus(planId, InspectionStore.Plan.Status.APPROVED, comment.isEmpty() ? null : limit(comment, 2000), currentUser(),
                    clock.instant());
        } else if ("RETURN".equals(decision)) {
            if (comment.isEmpty()) {
                throw new EngineRefusal("inspection.plan.return-needs-comment");
            }
            store.setPlanStatus(planId, InspectionStore.Plan.Status.RETURNED, limit(comment, 2000), null, clock.instant());
        } else {
            throw new EngineRefusal("inspection.plan.decision-required");
        }
    }

    PlanForm planForm(Object yearValue, Object unitsValue, Object dateValue, Object teamValue, Object leadValue,
            Object targetsValue) {
        LocalDate today = LocalDate.now(clock);
        int year = number(yearValue, "Năm kiểm tra");
        if (year < 2018 || year > today.getYear() + 1) {
            throw new EngineRefusal("inspection.plan.year-invalid", year);
        }
        List<String> codes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : codes(unitsValue)) {
            if (codes.contains(code)) {
                continue;
            }
            if (units.find(code).filter(u -> u.activeOn(today) && u.type().hasOfficers()).isPresent()) {
                codes.add(code);
            } else {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new EngineRefusal("inspection.plan.units-unknown", String.join(", ", unknown));
        }
        if (codes.isEmpty()) {
            throw new EngineRefusal("inspection.plan.no-units");
        }
        LocalDate date = date(dateValue, "Ngày kiểm tra", clock.getZone());
        int notice = deadlines.ruleInForce(NOTICE_RULE, today).amount();
        if (date.isBefore(today.plusDays(notice))) {
            throw new EngineRefusal("inspection.plan.notice-too-short", notice, today.plusDays(notice));
        }
        List<String> team = new ArrayList<>();
        for (String user : codes(teamValue)) {
            if (team.contains(user)) {
                continue;
            }
            long inspector = SystemAuthority.call(identity, () -> identity.createUserQuery().userId(user)
                    .memberOfGroup(Role.INSPECTOR.groupId()).count());
            if (inspector == 0) {
                throw new EngineRefusal("inspection.plan.not-inspector", user);
            }
            team.add(user);
        }
        if (team.isEmpty()) {
            throw new EngineRefusal("inspection.plan.no-team");
        }
        String lead = text(leadValue);
        if (lead.isEmpty() && team.size() == 1) {
            lead = team.get(0);
        }
        if (!team.contains(lead)) {
            throw new EngineRefusal("inspection.plan.lead-not-in-team");
        }
        List<Integer> scope = new ArrayList<>();
        for (String t : codes(targetsValue)) {
            int n = target(t);
            if (!scope.contains(n)) {
                scope.add(n);
            }
        }
        if (scope.isEmpty()) {
            for (int i = 1; i <= 9; i++) {
                scope.add(i);
            }
        }
        scope.sort(null);
        return new PlanForm(year, codes, date, team, lead, scope);
    }

    public List<String> unitCodes(long planId) {
        return store.unitCodes(planId);
    }

    public long planUnitOf(long planId, String unitCode) {
        return store.planUnitOf(planId, unitCode);
    }

    public List<String> teamUsers(long planId) {
        return store.team(planId);
    }

    public String lead(long planId) {
        return store.lead(planId);
    }

    // ---- one unit --------------------------------------------------------------------------------

    /** Notifies the unit: the inspection is at least the rule's days after the notice, else moved to the first such day. */
    public void notifyUnit(DelegateExecution execution) {
        long planUnitId = ownedPlanUnit(execution);
        InspectionStore.PlanUnit pu = store.planUnit(planUnitId).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = today.plusDays(deadlines.ruleInForce(NOTICE_RULE, today).amount());
        LocalDate date = pu.inspectionDate().isBefore(earliest) ? earliest : pu.inspectionDate();
        store.notified(planUnitId, date, clock.instant());
        execution.setVariable("inspectionDate", date.toString());
    }

    /** The self-report is due at the start of the inspection day. */
    public Date selfReportDue(long planUnitId) {
        LocalDate day = store.planUnit(planUnitId).orElseThrow().inspectionDate();
        return Date.from(day.atStartOfDay(deadlines.zone()).toInstant());
    }

    /**
     * Create listener of "Nộp báo cáo tự đánh giá": the targets in scope to pick from, and the list starting with one
     * row per target (unless a report was already written), so the unit head only writes the assessment.
     */
    public void offerSelfReport(DelegateTask task) {
        offerTargets(task, SELF_REPORT);
    }

    /** Create listener of "Kiểm tra theo bảng 9 chỉ tiêu": as for the self-report, the team only gives verdicts. */
    public void offerChecklist(DelegateTask task) {
        offerTargets(task, CHECKLIST);
    }

    private void offerTargets(DelegateTask task, String listVariable) {
        List<Integer> scope = scopeOf(ownedPlanUnit(task.getExecution()));
        Map<String, String> choices = new LinkedHashMap<>();
        scope.forEach(t -> choices.put(String.valueOf(t), targets.label(t)));
        task.setVariableLocal(TARGET_CHOICES, FormRows.choices(choices));
        FormRows.prefill(task, listVariable, () -> scope.stream().map(t -> Map.of(TARGET, String.valueOf(t))).toList());
    }

    /** Complete listener of "Nộp báo cáo tự đánh giá": one row (target, assessment, evidence) per target in scope. */
    public void saveSelfReport(DelegateTask task) {
        long planUnitId = ownedPlanUnit(task.getExecution());
        List<Integer> scope = scopeOf(planUnitId);
        Map<Integer, InspectionStore.SelfReport> reports = new LinkedHashMap<>();
        for (Map<String, String> row : FormRows.of(task.getVariable(SELF_REPORT), "Báo cáo tự đánh giá")) {
            int target = inScope(row, scope, reports.keySet());
            String text = FormRows.text(row, "text");
            if (text.isEmpty()) {
                throw new EngineRefusal("inspection.self-report.text-required", target);
            }
            reports.put(target, new InspectionStore.SelfReport(target, limit(text, 4000), optional(row, "evidence")));
        }
        List<Integer> missing = scope.stream().filter(t -> !reports.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new EngineRefusal("inspection.self-report.missing", joined(missing));
        }
        store.saveSelfReport(planUnitId, new ArrayList<>(reports.values()), currentUser(), clock.instant());
    }

    /**
     * Complete listener of "Kiểm tra theo bảng 9 chỉ tiêu": one row (target, verdict MET, PARTLY_MET or NOT_MET,
     * evidence, remark) per target in scope.
     */
    public void saveChecklist(DelegateTask task) {
        long planUnitId = ownedPlanUnit(task.getExecution());
        store.saveChecklist(planUnitId, checklist(planUnitId, task.getVariable(CHECKLIST)), currentUser(),
                clock.instant());
    }

    List<InspectionStore.ChecklistItem> checklist(long planUnitId, Object value) {
        List<Integer> scope = scopeOf(planUnitId);
        Map<Integer, InspectionStore.ChecklistItem> items = new LinkedHashMap<>();
        for (Map<String, String> row : FormRows.of(value, "Bảng kiểm tra")) {
            int target = inScope(row, scope, items.keySet());
            String verdict = FormRows.text(row, "verdict");
            if (verdict.isEmpty()) {
                throw new EngineRefusal("inspection.checklist.no-verdict", target);
            }
            if (!VERDICTS.contains(verdict)) {
                throw new EngineRefusal("inspection.checklist.verdict-invalid", target, verdict);
            }
            items.put(target, new InspectionStore.ChecklistItem(target, verdict, optional(row, "evidence"),
                    optional(row, "remark")));
        }
        List<Integer> missing = scope.stream().filter(t -> !items.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new EngineRefusal("inspection.checklist.missing", joined(missing));
        }
        return new ArrayList<>(items.values());
    }

    record Recommendation(String text, LocalDate due) {
    }

    /** Complete listener of "Dự thảo kết luận, kiến nghị": the text, the loss-of-democracy finding, the recommendations. */
    public void saveConclusion(DelegateTask task) {
        String text = text(task.getVariable("conclusion"));
        if (text.isBlank() || text.length() > 4000) {
            throw new EngineRefusal("inspection.conclusion.required");
        }
        recommendations(task.getVariable(RECOMMENDATIONS));
        store.saveConclusion(ownedPlanUnit(task.getExecution()), text, bool(task.getVariable("lossOfDemocracy")),
                currentUser());
    }

    /** The rows (text, due date after today) of the recommendations list; none is fine. */
    List<Recommendation> recommendations(Object value) {
        List<Recommendation> list = new ArrayList<>();
        for (Map<String, String> row : FormRows.of(value, "Kiến nghị")) {
            String text = FormRows.text(row, "text");
            String dueText = FormRows.text(row, "due");
            if (text.isEmpty()) {
                throw new EngineRefusal("inspection.recommendation.text-required", dueText);
            }
            if (dueText.isEmpty()) {
                throw new EngineRefusal("inspection.recommendation.due-required", text);
            }
            LocalDate due;
            try {
                due = LocalDate.parse(dueText);
            } catch (DateTimeParseException e) {
                throw new EngineRefusal("inspection.recommendation.due-invalid", text, dueText);
            }
            if (!due.isAfter(LocalDate.now(clock))) {
                throw new EngineRefusal("inspection.recommendation.due-past", due);
            }
            list.add(new Recommendation(limit(text, 2000), due));
        }
        return list;
    }

    /** Complete listener of "Ký kết luận kiểm tra": signs (recommendations become remediation items) or returns. */
    public void decideConclusion(DelegateTask task) {
        long planUnitId = ownedPlanUnit(task.getExecution());
        String decision = text(task.getVariable("decision"));
        String comment = text(task.getVariable("headComment"));
        if ("SIGN".equals(decision)) {
            store.signConclusion(planUnitId, comment.isEmpty() ? null : limit(comment, 2000), currentUser(),
                    clock.instant());
            for (Recommendation r : recommendations(task.getVariable(RECOMMENDATIONS))) {
                store.insertRemediation(planUnitId, r.text(), r.due());
            }
        } else if ("RETURN".equals(decision)) {
            if (comment.isEmpty()) {
                throw new EngineRefusal("inspection.conclusion.return-needs-comment");
            }
            store.returnConclusion(planUnitId, limit(comment, 2000));
        } else {
            throw new EngineRefusal("inspection.conclusion.decision-required");
        }
    }

    public List<Long> remediationItems(long planUnitId) {
        return store.remediations(planUnitId).stream().map(InspectionStore.Remediation::id).toList();
    }

    // ---- remediation -----------------------------------------------------------------------------

    public Date remediationDue(long remediationId) {
        return deadlines.endOf(store.remediation(remediationId).due());
    }

    /** Complete listener of "Khắc phục theo kiến nghị". */
    public void saveRemediationResult(DelegateTask task) {
        String result = text(task.getVariable("remediationResult"));
        if (result.isBlank() || result.length() > 4000) {
            throw new EngineRefusal("inspection.remediation.result-required");
        }
        store.remediationResult(ownedRemediation(task.getExecution()), result);
    }

    /** Complete listener of "Xác minh kết quả khắc phục": VERIFIED closes the item, REOPENED sends it back. */
    public void verifyRemediation(DelegateTask task) {
        String verdict = text(task.getVariable("verification"));
        String comment = text(task.getVariable("verifyComment"));
        if (!"VERIFIED".equals(verdict) && !"REOPENED".equals(verdict)) {
            throw new EngineRefusal("inspection.remediation.verdict-required");
        }
        if ("REOPENED".equals(verdict) && comment.isEmpty()) {
            throw new EngineRefusal("inspection.remediation.reopen-needs-reason");
        }
        store.verifyRemediation(ownedRemediation(task.getExecution()), "VERIFIED".equals(verdict),
                comment.isEmpty() ? null : limit(comment, 2000), currentUser(), clock.instant());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static int target(String raw) {
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1 && n <= 9) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new EngineRefusal("inspection.target.invalid", raw.trim());
    }

    /** The target a row picked: one in the plan's scope, not picked by an earlier row. */
    private static int inScope(Map<String, String> row, List<Integer> scope, Set<Integer> taken) {
        String raw = FormRows.text(row, TARGET);
        if (raw.isEmpty()) {
            throw new EngineRefusal("inspection.rows.target-required");
        }
        int target;
        try {
            target = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new EngineRefusal("inspection.rows.target-unknown", raw);
        }
        if (target < 1 || target > 9) {
            throw new EngineRefusal("inspection.rows.target-unknown", raw);
        }
        if (!scope.contains(target)) {
            throw new EngineRefusal("inspection.target.out-of-scope", target);
        }
        if (taken.contains(target)) {
            throw new EngineRefusal("inspection.rows.target-twice", target);
        }
        return target;
    }

    /** A row's optional text field (evidence, remark): null if empty, refused when longer than 2000 characters. */
    private static String optional(Map<String, String> row, String field) {
        String text = FormRows.text(row, field);
        return text.isEmpty() ? null : limit(text, 2000);
    }

    private List<Integer> scopeOf(long planUnitId) {
        return store.scope(store.planUnit(planUnitId).orElseThrow().planId());
    }

    private static String joined(List<Integer> targets) {
        return String.join(", ", targets.stream().map(String::valueOf).toList());
    }

    private String currentUser() {
        return officers.currentUserOr("system");
    }

    /** The plan, planned unit or remediation item this process tree owns, never one a variable merely names. */
    private long ownedPlan(DelegateExecution execution) {
        return ProcessTree.ownedId(execution, "planId", store::ownerOfPlan);
    }

    private long ownedPlanUnit(DelegateExecution execution) {
        return ProcessTree.ownedId(execution, "planUnitId", store::ownerOfPlanUnit);
    }

    private long ownedRemediation(DelegateExecution execution) {
        return ProcessTree.ownedId(execution, "remediationId", store::ownerOfRemediation);
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : "true".equalsIgnoreCase(text(value));
    }
}
