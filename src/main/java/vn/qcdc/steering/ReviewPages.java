package vn.qcdc.steering;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.qcdc.identity.Role;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.OrgUnitType;
import vn.qcdc.identity.Officer;
import vn.qcdc.identity.Officers;
import vn.qcdc.platform.Refusal;

/** Signed-in pages of the periodic reviews: list, a review's reports and consolidated figures, a unit's report form, classification. */
@Controller
class ReviewPages {

    record TargetRow(int target, Integer numerator, Integer denominator, String narrative, String evidence) {
    }

    record FigureRow(int target, long numerator, long denominator) {
    }

    private final ReviewStore store;
    private final ReviewReports reports;
    private final Officers officers;
    private final OrgUnitRepository units;
    private final Clock clock;

    ReviewPages(ReviewStore store, ReviewReports reports, Officers officers, OrgUnitRepository units, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.officers = officers;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/reviews")
    String list(Model model) {
        model.addAttribute("reviews", store.reviews());
        return "steering/list";
    }

    @GetMapping("/reviews/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String unit, Authentication user, Model model,
            HttpServletResponse response) {
        ReviewStore.Review review = store.review(id).orElse(null);
        List<ReviewStore.Report> reportsOfReview = review == null ? List.of() : store.reports(id);
        Officer reader = officers.of(user.getName());
        String chosen = review == null ? null : unit != null && !unit.isBlank() ? unit : defaultRoot(reader, reportsOfReview);
        if (review != null && !mayRead(reader, chosen)) {
            response.setStatus(403);
            model.addAttribute("error", "steering.error.not-yours");
            model.addAttribute("reviews", store.reviews());
            return "steering/list";
        }
        if (review == null) {
            response.setStatus(404);
            model.addAttribute("error", "steering.error.not-found");
            return "steering/list";
        }
        List<ReviewStore.Report> list = reportsOfReview;
        String root = chosen;
        List<FigureRow> rows = new ArrayList<>();
        reports.consolidated(id, root).forEach((t, v) -> rows.add(new FigureRow(t, v[0], v[1])));
        model.addAttribute("review", review);
        model.addAttribute("reports", list);
        model.addAttribute("root", root);
        model.addAttribute("figures", rows);
        model.addAttribute("names", names());
        return "steering/detail";
    }

    /** The province's figures for those who may read them, else those of the reader's own highest reporting unit. */
    private String defaultRoot(Officer reader, List<ReviewStore.Report> reportsOfReview) {
        String province = province(reportsOfReview);
        if (mayRead(reader, province)) {
            return province;
        }
        return reportsOfReview.stream().map(ReviewStore.Report::unitCode).filter(code -> reader.units().contains(code))
                .filter(code -> !mayRead(reader, units.find(code).map(u -> u.parentCode()).orElse(null)))
                .findFirst().orElse(province);
    }

    /**
     * A unit's report, and figures consolidated at a unit, are read by that unit, the units above it in
     * the tree (the steering committee sits at the top), and auditors.
     */
    private boolean mayRead(Officer reader, String unitCode) {
        if (reader.readsEverything()) {
            return true;
        }
        java.util.Set<String> own = new java.util.HashSet<>(reader.units());
        String code = unitCode;
        for (int depth = 0; code != null && depth < 20; depth++) {
            if (own.contains(code)) {
                return true;
            }
            code = units.find(code).map(u -> u.parentCode()).orElse(null);
        }
        return false;
    }

    @GetMapping("/reviews/{id}/units/{unit}")
    String report(@PathVariable long id, @PathVariable String unit, Authentication user, Model model, HttpServletResponse response) {
        return show(id, unit, user, model, response, null);
    }

    @PostMapping("/reviews/{id}/units/{unit}")
    String submit(@PathVariable long id, @PathVariable String unit, @RequestParam Map<String, String> form, Authentication user,
            Model model, HttpServletResponse response) {
        List<ReviewReports.SectionInput> input = new ArrayList<>();
        for (int t = 1; t <= 9; t++) {
            input.add(new ReviewReports.SectionInput(t, form.get("num" + t), form.get("den" + t), form.get("narrative" + t),
                    form.get("evidence" + t)));
        }
        Officer reader = officers.of(user.getName());
        try {
            reports.submit(id, unit, user.getName(), reader.groups(), input);
            return "redirect:/reviews/" + id + "/units/" + unit + "?sent";
        } catch (Refusal e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.messageKey());
            return show(id, unit, user, model, response, form);
        }
    }

    private String show(long id, String unit, Authentication user, Model model, HttpServletResponse response,
            Map<String, String> form) {
        ReviewStore.Review review = store.review(id).orElse(null);
        ReviewStore.Report report = review == null ? null : store.report(id, unit).orElse(null);
        if (report == null) {
            response.setStatus(404);
            model.addAttribute("error", "steering.error.not-found");
            model.addAttribute("reviews", store.reviews());
            return "steering/list";
        }
        if (!mayRead(officers.of(user.getName()), unit)) {
            response.setStatus(403);
            model.addAttribute("error", "steering.error.not-yours");
            model.addAttribute("reviews", store.reviews());
            return "steering/list";
        }
        Map<Integer, ReviewStore.Section> sections = store.sections(report.id());
        List<TargetRow> rows = new ArrayList<>();
        for (int t = 1; t <= 9; t++) {
            ReviewStore.Section s = sections.get(t);
            rows.add(s == null ? new TargetRow(t, null, null, form == null ? "" : form.getOrDefault("narrative" + t, ""), "")
                    : new TargetRow(t, s.numerator(), s.denominator(), s.narrative(), s.evidence()));
        }
        Officer reader = officers.of(user.getName());
        model.addAttribute("review", review);
        model.addAttribute("report", report);
        model.addAttribute("rows", rows);
        model.addAttribute("unitName", names().getOrDefault(unit, unit));
        model.addAttribute("editable", reader.inUnit(unit, Role.STEERING_SECRETARY) && review.status() == ReviewStore.Review.Status.COLLECTING
                && report.status() == ReviewStore.Report.Status.DRAFT);
        return "steering/report";
    }

    @GetMapping("/classification")
    String classification(@RequestParam(required = false) Integer year, Authentication user, Model model) {
        int y = year == null ? Year.now(clock).getValue() : year;
        Officer reader = officers.of(user.getName());
        boolean all = reader.has(Role.STEERING_SECRETARY) && reader.units().stream().anyMatch(this::provinceLevel)
                || reader.has(Role.STEERING_HEAD) || reader.readsEverything();
        List<String> mine = reader.units();
        model.addAttribute("year", y);
        model.addAttribute("decisions", store.classifications(y).stream()
                .filter(c -> c.decidedGrade() != null && (all || mine.contains(c.unitCode()))).toList());
        model.addAttribute("names", names());
        return "steering/classification";
    }

    private boolean provinceLevel(String code) {
        return units.find(code).map(u -> u.type() == OrgUnitType.PROVINCE).orElse(false);
    }

    private static String province(List<ReviewStore.Report> list) {
        java.util.Set<String> codes = new java.util.HashSet<>(list.stream().map(ReviewStore.Report::unitCode).toList());
        return list.stream().map(ReviewStore.Report::parentCode).filter(p -> p != null && !codes.contains(p)).findFirst()
                .orElse("hg");
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (OrgUnit u : units.findAll()) {
            names.put(u.code(), u.name());
        }
        return names;
    }
}
