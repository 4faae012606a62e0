package vn.qcdc.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.qcdc.dialogue.DialogueStats;
import vn.qcdc.identity.Role;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.identity.Officer;
import vn.qcdc.identity.Officers;

/**
 * One inspected unit for the officers concerned: the facts beside each target in scope, the unit's self-report,
 * the team's checklist, the conclusion and the remediation items. Team members of the plan, the steering
 * secretaries and heads of the plan's unit, auditors and admins only; the checklist itself is entered in the
 * Tasklist form "Kiểm tra theo bảng 9 chỉ tiêu".
 */
@Controller
class InspectionPages {

    /** Agencies with at least this many staff need a QCDC implementation team (target 3). */
    static final int TEAM_THRESHOLD = 10;

    public record Row(int target, String selfReport, String selfEvidence, String verdict, String evidence, String remark,
            List<String> facts) {
    }

    private final InspectionStore store;
    private final OrgUnitRepository units;
    private final DialogueStats dialogues;
    private final Officers officers;
    private final MessageSource messages;

    InspectionPages(InspectionStore store, OrgUnitRepository units, DialogueStats dialogues, Officers officers,
            MessageSource messages) {
        this.store = store;
        this.units = units;
        this.dialogues = dialogues;
        this.officers = officers;
        this.messages = messages;
    }

    @GetMapping("/inspections")
    String list(Authentication user, Model model) {
        Officer reader = officers.of(user.getName());
        List<String> steeringUnits = reader.units().stream()
                .filter(u -> reader.inUnit(u, Role.STEERING_SECRETARY) || reader.inUnit(u, Role.STEERING_HEAD)).toList();
        Map<String, String> names = new java.util.HashMap<>();
        units.findAll().forEach(u -> names.put(u.code(), u.name()));
        model.addAttribute("units", store.listed(reader.readsEverything(), reader.userId(), steeringUnits));
        model.addAttribute("unitNames", names);
        return "inspection/list";
    }

    @GetMapping("/inspections/units/{id}")
    String unit(@PathVariable long id, Authentication user, Model model, Locale locale) {
        InspectionStore.PlanUnit pu = store.planUnit(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        InspectionStore.Plan plan = store.plan(pu.planId()).orElseThrow();
        List<String> team = store.team(plan.id());
        if (!mayRead(officers.of(user.getName()), plan, team)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        OrgUnit unit = units.find(pu.unitCode()).orElseThrow();
        Map<Integer, InspectionStore.SelfReport> reports = store.selfReports(id).stream()
                .collect(Collectors.toMap(InspectionStore.SelfReport::target, Function.identity()));
        Map<Integer, InspectionStore.ChecklistItem> checklist = store.checklist(id).stream()
                .collect(Collectors.toMap(InspectionStore.ChecklistItem::target, Function.identity()));
        List<Row> rows = new ArrayList<>();
        for (int target : store.scope(plan.id())) {
            InspectionStore.SelfReport r = reports.get(target);
            InspectionStore.ChecklistItem c = checklist.get(target);
            rows.add(new Row(target, r == null ? null : r.text(), r == null ? null : r.evidence(),
                    c == null ? null : c.verdict(), c == null ? null : c.evidence(), c == null ? null : c.remark(),
                    facts(target, unit, plan.year(), id, locale)));
        }
        model.addAttribute("planUnit", pu);
        model.addAttribute("plan", plan);
        model.addAttribute("unit", unit);
        model.addAttribute("team", team);
        model.addAttribute("lead", store.lead(plan.id()));
        model.addAttribute("rows", rows);
        model.addAttribute("conclusion", store.conclusion(id).orElse(null));
        model.addAttribute("remediations", store.remediations(id));
        return "inspection/unit";
    }

    List<String> facts(int target, OrgUnit unit, int year, long planUnitId, Locale locale) {
        List<String> facts = new ArrayList<>();
        switch (target) {
            case 3 -> {
                facts.add(msg("inspection.fact.staff", locale, unit.staffCount()));
                facts.add(msg(unit.staffCount() >= TEAM_THRESHOLD ? "inspection.fact.needs-team" : "inspection.fact.leader",
                        locale, TEAM_THRESHOLD));
                store.earlierSignedVerdict(unit.code(), 3, planUnitId).ifPresentOrElse(
                        v -> facts.add(msg("inspection.fact.earlier", locale, msg("inspection.verdict." + v, locale))),
                        () -> facts.add(msg("inspection.fact.earlier.none", locale)));
            }
            case 4, 5 -> facts.add(msg("inspection.fact.no-disclosures", locale));
            case 8 -> facts.add(msg("inspection.fact.dialogues", locale, dialogues.heldCount(unit.code(), year), year));
            default -> {
                // no recorded data for this target yet
            }
        }
        return facts;
    }

    static boolean mayRead(Officer reader, InspectionStore.Plan plan, List<String> team) {
        return reader.readsEverything() || team.contains(reader.userId())
                || reader.inUnit(plan.steeringUnit(), Role.STEERING_SECRETARY)
                || reader.inUnit(plan.steeringUnit(), Role.STEERING_HEAD);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
