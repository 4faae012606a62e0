package vn.qcdc.dialogue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;
import vn.qcdc.identity.Role;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.identity.Officer;
import vn.qcdc.identity.Officers;
import vn.qcdc.platform.Refusal;

/** Officers of the unit: the questions, questions received in person, and the head's decision on each. */
@Controller
class DialogueController {

    private final DialogueCatalogue catalogue;
    private final DialogueQuestions questions;
    private final Officers officers;
    private final OrgUnitRepository units;
    private final MessageSource messages;
    private final DialogueCancellation cancellation;

    DialogueController(DialogueCatalogue catalogue, DialogueQuestions questions, Officers officers, OrgUnitRepository units,
            MessageSource messages, DialogueCancellation cancellation) {
        this.cancellation = cancellation;
        this.catalogue = catalogue;
        this.questions = questions;
        this.officers = officers;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/dialogues")
    String list(Authentication user, Model model) {
        Officer reader = officers.of(user.getName());
        model.addAttribute("dialogues", catalogue.ofUnits(reader.units()));
        model.addAttribute("units", new PortalDialogueController.UnitNames(units));
        return "dialogue/list";
    }

    @GetMapping("/dialogues/{id}")
    String detail(@PathVariable long id, Authentication user, Model model) {
        return show(readable(id, officers.of(user.getName())), officers.of(user.getName()), model);
    }

    @PostMapping("/dialogues/{id}/questions")
    String add(@PathVariable long id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String askerName, Authentication user, Model model, Locale locale,
            HttpServletResponse response) {
        Officer reader = officers.of(user.getName());
        Dialogue d = readable(id, reader);
        if (!reader.units().contains(d.unitCode())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            questions.addByOfficer(id, text, askerName, user.getName());
            return "redirect:/dialogues/" + id;
        } catch (Refusal e) {
            return refused(e, d, reader, model, locale, response);
        }
    }

    @PostMapping("/dialogues/{id}/questions/{questionId}/outcome")
    String mark(@PathVariable long id, @PathVariable long questionId, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String due,
            Authentication user, Model model, Locale locale, HttpServletResponse response) {
        Officer reader = officers.of(user.getName());
        Dialogue d = readable(id, reader);
        if (!reader.inUnit(d.unitCode(), Role.UNIT_HEAD)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            questions.mark(id, questionId, outcomeOf(outcome), owner, dateOf(due));
            return "redirect:/dialogues/" + id;
        } catch (Refusal e) {
            return refused(e, d, reader, model, locale, response);
        }
    }

    @PostMapping("/dialogues/{id}/cancel")
    String cancel(@PathVariable long id, Authentication user, Model model, Locale locale, HttpServletResponse response) {
        Officer reader = officers.of(user.getName());
        Dialogue d = readable(id, reader);
        if (!reader.inUnit(d.unitCode(), Role.UNIT_HEAD)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            cancellation.cancel(id, user.getName());
            return "redirect:/dialogues/" + id;
        } catch (Refusal e) {
            return refused(e, d, reader, model, locale, response);
        }
    }

    private String refused(Refusal e, Dialogue d, Officer reader, Model model, Locale locale,
            HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("problem", messages.getMessage(e.messageKey(), e.args(), locale));
        return show(d, reader, model);
    }

    private String show(Dialogue d, Officer reader, Model model) {
        model.addAttribute("dialogue", d);
        model.addAttribute("unitName", units.find(d.unitCode()).map(OrgUnit::name).orElse(d.unitCode()));
        model.addAttribute("questions", catalogue.questions(d.id()));
        model.addAttribute("canAdd", d.open() && reader.units().contains(d.unitCode()));
        model.addAttribute("canMark", d.open() && reader.inUnit(d.unitCode(), Role.UNIT_HEAD));
        model.addAttribute("outcomes", DialogueQuestion.Outcome.values());
        return "dialogue/detail";
    }

    private Dialogue readable(long id, Officer reader) {
        Dialogue d = catalogue.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!reader.readsEverything() && !reader.units().contains(d.unitCode())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return d;
    }

    private static DialogueQuestion.Outcome outcomeOf(String value) {
        try {
            return DialogueQuestion.Outcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new Refusal("dialogue.outcome.unknown");
        }
    }

    private static LocalDate dateOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new Refusal("dialogue.action.due.invalid");
        }
    }
}
