package vn.qcdc.oversight;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.qcdc.cases.CitizenNotices;
import vn.qcdc.identity.Role;
import vn.qcdc.rules.ReferenceChangeLog;
import vn.qcdc.platform.Refusal;

/** Admins edit the escalation ladder on {@code /admin/escalations} and read the outbox on {@code /admin/outbox}. */
@Controller
class EscalationAdmin {

    private final EscalationRules rules;
    private final ReferenceChangeLog changes;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final ProcessSteps processSteps;
    private final CitizenNotices citizenNotices;

    EscalationAdmin(EscalationRules rules, ReferenceChangeLog changes, JdbcTemplate jdbc, MessageSource messages,
            ProcessSteps processSteps, CitizenNotices citizenNotices) {
        this.citizenNotices = citizenNotices;
        this.processSteps = processSteps;
        this.rules = rules;
        this.changes = changes;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @GetMapping("/admin/escalations")
    String list(Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("roles", Role.unitScopedRoles());
        model.addAttribute("processes", processSteps.all());
        model.addAttribute("changes", changes.latestOf(EscalationRules.ENTITY, 50));
        return "oversight/escalations";
    }

    @PostMapping("/admin/escalations")
    String save(@RequestParam(required = false) Long id, @RequestParam(required = false) String processKey,
            @RequestParam(required = false) String stepKey, @RequestParam(required = false) String level,
            @RequestParam(required = false) String delayWorkingDays, @RequestParam(required = false) String role,
            @RequestParam(required = false) String unitOffset, Authentication admin, RedirectAttributes redirect,
            Locale locale) {
        rules.save(new EscalationRules.Rule(id, processKey, stepKey, number(level, "level"),
                number(delayWorkingDays, "delayWorkingDays"), role, number(unitOffset, "unitOffset")), admin.getName());
        redirect.addFlashAttribute("notice", messages.getMessage("escalation.saved", null, locale));
        return "redirect:/admin/escalations";
    }

    @PostMapping("/admin/escalations/{id}/delete")
    String delete(@PathVariable long id, Authentication admin, RedirectAttributes redirect, Locale locale) {
        rules.delete(id, admin.getName());
        redirect.addFlashAttribute("notice", messages.getMessage("escalation.deleted", null, locale));
        return "redirect:/admin/escalations";
    }

    @ExceptionHandler(Refusal.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(Refusal refusal, Model model, Locale locale) {
        model.addAttribute("error", messages.getMessage(refusal.messageKey(), refusal.args(), locale));
        return list(model);
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        List<Map<String, Object>> mails = jdbc.queryForList("select id, recipient, address, subject, body, status,"
                + " attempts, created_at, sent_at, last_error from oversight_mail order by id desc fetch first 100 rows only");
        model.addAttribute("mails", mails);
        model.addAttribute("citizenNotices", citizenNotices.latest(100));
        return "oversight/outbox";
    }

    private static int number(String text, String name) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new Refusal("oversight.refused.parameter", name);
        }
    }
}
