package vn.qcdc.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;

@Controller
@RequestMapping("/admin/rules")
class RulesAdminController {

    private final DeadlineRuleRepository rules;
    private final HolidayRepository holidays;
    private final RuleAdministration administration;
    private final ReferenceChangeLog changeLog;
    private final Clock clock;

    RulesAdminController(DeadlineRuleRepository rules, HolidayRepository holidays, RuleAdministration administration,
            ReferenceChangeLog changeLog, Clock clock) {
        this.rules = rules;
        this.holidays = holidays;
        this.administration = administration;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model) {
        int shownYear = year == null ? Year.now(clock).getValue() : year;
        model.addAttribute("rules", rules.findAll());
        model.addAttribute("year", shownYear);
        model.addAttribute("years", holidays.years());
        model.addAttribute("holidays", holidays.ofYear(shownYear));
        model.addAttribute("changes", changeLog.latest(50));
        return "rules/list";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        return rules.find(id).map(r -> {
            model.addAttribute("ruleForm", RuleForm.of(r));
            return "rules/edit";
        }).orElse("redirect:/admin/rules");
    }

    @GetMapping("/new")
    String create(@RequestParam(required = false) Long from, Model model) {
        RuleForm form = from == null ? new RuleForm() : rules.find(from).map(RuleForm::of).orElseGet(RuleForm::new);
        form.setId(null);
        model.addAttribute("ruleForm", form);
        return "rules/edit";
    }

    @PostMapping
    String save(@Valid @ModelAttribute RuleForm ruleForm, BindingResult errors, Authentication user,
            RedirectAttributes redirect, Model model) {
        if (errors.hasErrors()) {
            return "rules/edit";
        }
        String refusal = administration.saveRule(ruleForm.toRule(), user.getName());
        if (refusal != null) {
            model.addAttribute("refusal", refusal);
            return "rules/edit";
        }
        redirect.addFlashAttribute("saved", "rules.saved");
        return "redirect:/admin/rules";
    }

    @PostMapping("/holidays")
    String addHoliday(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String nameVi, @RequestParam(defaultValue = "") String nameEn,
            Authentication user, RedirectAttributes redirect) {
        LocalDate date = parseDay(day);
        Holiday.Kind parsedKind = Arrays.stream(Holiday.Kind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(null);
        String refusal;
        if (date == null || nameVi.isBlank() || nameVi.length() > 120 || nameEn.length() > 120) {
            refusal = "holidays.invalid";
        } else if (parsedKind == null) {
            refusal = "holidays.invalid-kind";
        } else {
            refusal = administration.addHoliday(new Holiday(date, parsedKind, nameVi.trim(),
                    nameEn.isBlank() ? nameVi.trim() : nameEn.trim(), true), user.getName());
        }
        return back(refusal, "holidays.saved", date, redirect);
    }

    @PostMapping("/holidays/{day}/switch")
    String switchHoliday(@PathVariable String day, @RequestParam(defaultValue = "") String active, Authentication user,
            RedirectAttributes redirect) {
        LocalDate date = parseDay(day);
        String refusal = date == null || !(active.equals("true") || active.equals("false")) ? "holidays.invalid"
                : administration.switchHoliday(date, Boolean.parseBoolean(active), user.getName());
        return back(refusal, Boolean.parseBoolean(active) ? "holidays.switched-on" : "holidays.switched-off", date,
                redirect);
    }

    @PostMapping("/holidays/{day}/delete")
    String removeHoliday(@PathVariable String day, Authentication user, RedirectAttributes redirect) {
        LocalDate date = parseDay(day);
        String refusal = date == null ? "holidays.invalid" : administration.removeHoliday(date, user.getName());
        return back(refusal, "holidays.removed", date, redirect);
    }

    private String back(String refusal, String done, LocalDate day, RedirectAttributes redirect) {
        redirect.addFlashAttribute(refusal == null ? "saved" : "refusal", refusal == null ? done : refusal);
        return "redirect:/admin/rules?year=" + (day == null ? Year.now(clock).getValue() : day.getYear()) + "#holidays";
    }

    /** A day as the date field sends it ({@code yyyy-MM-dd}), or null for anything else. */
    private static LocalDate parseDay(String day) {
        try {
            LocalDate parsed = LocalDate.parse(day);
            return parsed.getYear() < 1900 || parsed.getYear() > 2200 ? null : parsed;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
