package vn.qcdc.dialogue;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.platform.Refusal;

/** Public: the notices of upcoming and recent dialogues, and the question form. No sign-in. */
@Controller
class PortalDialogueController {

    private final DialogueCatalogue catalogue;
    private final DialogueQuestions questions;
    private final OrgUnitRepository units;
    private final MessageSource messages;

    PortalDialogueController(DialogueCatalogue catalogue, DialogueQuestions questions, OrgUnitRepository units,
            MessageSource messages) {
        this.catalogue = catalogue;
        this.questions = questions;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/portal/dialogues")
    String list(Model model) {
        model.addAttribute("upcoming", catalogue.upcoming());
        model.addAttribute("recent", catalogue.recent());
        model.addAttribute("units", new UnitNames(units));
        return "dialogue/portal-list";
    }

    @GetMapping("/portal/dialogues/{id}")
    String detail(@PathVariable long id, Model model) {
        return show(id, model, "", "");
    }

    @PostMapping("/portal/dialogues/{id}/questions")
    String ask(@PathVariable long id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String askerName, HttpServletRequest request, HttpServletResponse response,
            Model model, Locale locale) {
        try {
            questions.ask(id, text, askerName, request.getRemoteAddr());
            return "redirect:/portal/dialogues/" + id + "?asked";
        } catch (Refusal e) {
            response.setStatus(e.messageKey().endsWith("rate-limited") ? 429 : 400);
            model.addAttribute("problem", messages.getMessage(e.messageKey(), e.args(), locale));
            // keep what the citizen wrote, within reason
            return show(id, model, text.length() > DialogueQuestions.MAX_TEXT * 2 ? "" : text, askerName);
        }
    }

    private String show(long id, Model model, String text, String askerName) {
        Dialogue d = catalogue.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("dialogue", d);
        model.addAttribute("unitName", units.find(d.unitCode()).map(OrgUnit::name).orElse(d.unitCode()));
        model.addAttribute("questionCount", catalogue.questions(id).size());
        model.addAttribute("text", text);
        model.addAttribute("askerName", askerName);
        model.addAttribute("maxText", DialogueQuestions.MAX_TEXT);
        return "dialogue/portal-detail";
    }

    /** Unit names for the list pages. */
    public static final class UnitNames {
        private final OrgUnitRepository units;
        private final java.util.Map<String, String> cache = new java.util.HashMap<>();

        UnitNames(OrgUnitRepository units) {
            this.units = units;
        }

        public String of(String code) {
            return cache.computeIfAbsent(code, c -> units.find(c).map(OrgUnit::name).orElse(c));
        }
    }
}
