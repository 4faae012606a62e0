package vn.qcdc.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;

import org.springframework.format.annotation.DateTimeFormat;
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
    String addHoliday(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "") String nameVi, @RequestParam(defaultValue = "") String nameEn,
            Authentication user, RedirectAttributes redirect) {
        String refusal;
        if (day == null || nameVi.isBlank() || nameVi.length() > 120 || nameEn.length() > 120) {
            refusal = "holidays.invalid";
        } else {
            refusal = administration.addHoliday(new Holiday(day, nameVi.trim(), nameEn.isBlank() ? nameVi.trim() : nameEn.trim()),
                    user.getName());
        }
        redirect.addFlashAttribute(refusal == null ? "saved" : "refusal", refusal == null ? "holidays.saved" : refusal);
        return "redirect:/admin/rules?year=" + (day == null ? Year.now(clock).getValue() : day.getYear()) + "#holidays";
    }

    @PostMapping("/holidays/{day}/delete")
    String removeHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Authentication user, RedirectAttributes redirect) {
        String refusal = administration.removeHoliday(day, user.getName());
        redirect.addFlashAttribute(refusal == null ? "saved" : "refusal", refusal == null ? "holidays.removed" : refusal);
        return "redirect:/admin/rules?year=" + day.getYear() + "#holidays";
    }
}
