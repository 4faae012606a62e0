package vn.qcdc.selfcriticism;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.identity.Officers;
import org.springframework.http.HttpStatus;
import vn.qcdc.platform.Refusal;

/**
 * The public notice of a session with the comment form (no sign-in), and the reception officers' moderation page,
 * where they also enter comments received in person or from the suggestion box.
 */
@Controller
class SessionPages {

    record OfficialView(long id, String userId, String name, String title, String response, String peopleAssessment) {
    }

    static final int PUBLIC_LIST_LIMIT = 200;

    private final SelfCriticismStore store;
    private final SessionComments comments;
    private final OrgUnitRepository units;
    private final Officers officers;

    SessionPages(SelfCriticismStore store, SessionComments comments, OrgUnitRepository units, Officers officers) {
        this.store = store;
        this.comments = comments;
        this.units = units;
        this.officers = officers;
    }

    @GetMapping("/portal/sessions")
    String list(Model model) {
        model.addAttribute("sessions", store.publishedSessions(PUBLIC_LIST_LIMIT));
        java.util.Map<String, String> names = new java.util.HashMap<>();
        units.findAll().forEach(u -> names.put(u.code(), u.name()));
        model.addAttribute("unitNames", names);
        return "selfcriticism/list";
    }

    @GetMapping("/portal/sessions/{id}")
    String notice(@PathVariable long id, Model model, HttpServletResponse response) {
        try {
            return notice(comments.publicSession(id), model);
        } catch (Refusal e) {
            response.setStatus(404);
            model.addAttribute("error", e.messageKey());
            return "selfcriticism/not-found";
        }
    }

    @PostMapping("/portal/sessions/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(required = false) String officialId,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) String authorName,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            comments.submitFromPortal(id, official(officialId), body, authorName, request.getRemoteAddr());
            redirect.addFlashAttribute("sent", true);
            return "redirect:/portal/sessions/" + id;
        } catch (Refusal e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.messageKey());
            model.addAttribute("body", body.length() > SessionComments.MAX_LENGTH * 2 ? "" : body);
            model.addAttribute("authorName", authorName);
            if (e.status() == HttpStatus.NOT_FOUND) {
                return "selfcriticism/not-found";
            }
            try {
                return notice(comments.publicSession(id), model);
            } catch (Refusal noSuchSession) {
                response.setStatus(noSuchSession.status().value());
                model.addAttribute("error", noSuchSession.messageKey());
                return "selfcriticism/not-found";
            }
        }
    }

    private String notice(SelfCriticismStore.Session session, Model model) {
        model.addAttribute("sc", session);
        model.addAttribute("unitName", units.find(session.unitCode()).map(OrgUnit::name).orElse(session.unitCode()));
        List<OfficialView> officials = officials(session.id());
        model.addAttribute("officials", officials);
        Map<Long, String> names = new LinkedHashMap<>();
        officials.forEach(o -> names.put(o.id(), o.name()));
        model.addAttribute("officialNames", names);
        model.addAttribute("approved", store.comments(session.id(), SelfCriticismStore.Comment.Status.APPROVED));
        model.addAttribute("open", session.status().openForComments());
        boolean signedOff = session.status() == SessionStatus.SIGNED_OFF;
        model.addAttribute("signedOff", signedOff);
        model.addAttribute("actions", signedOff ? store.actions(session.id()) : List.of());
        return "selfcriticism/notice";
    }

    @GetMapping("/selfcriticism/moderation")
    String moderation(Principal user, Model model) {
        List<String> unitCodes = comments.receptionUnits(user.getName());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SelfCriticismStore.Session s : store.sessionsOfUnits(unitCodes)) {
            if (s.status() == SessionStatus.PLANNING) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("session", s);
            row.put("unitName", units.find(s.unitCode()).map(OrgUnit::name).orElse(s.unitCode()));
            row.put("officials", officials(s.id()));
            row.put("pending", store.comments(s.id(), SelfCriticismStore.Comment.Status.PENDING));
            row.put("canEnter", s.status() == SessionStatus.NOTICE_PUBLISHED || s.status() == SessionStatus.COMMENTS_CLOSED);
            rows.add(row);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("isReceptionOfficer", !unitCodes.isEmpty());
        return "selfcriticism/moderation";
    }

    @PostMapping("/selfcriticism/comments/{id}/moderate")
    String moderate(@PathVariable long id, @RequestParam(defaultValue = "") String decision,
            @RequestParam(required = false) String reason, Principal user, RedirectAttributes redirect,
            HttpServletResponse response, Model model) {
        try {
            comments.moderate(id, "approve".equals(decision), reason, user.getName());
            redirect.addFlashAttribute("done", "approve".equals(decision) ? "sc.moderation.approved" : "sc.moderation.rejected");
            return "redirect:/selfcriticism/moderation";
        } catch (Refusal e) {
            return refused(e, user, response, model);
        }
    }

    @PostMapping("/selfcriticism/sessions/{id}/comments")
    String enter(@PathVariable long id, @RequestParam(required = false) String officialId,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) String authorName,
            Principal user, RedirectAttributes redirect, HttpServletResponse response, Model model) {
        try {
            comments.enterByOfficer(id, official(officialId), body, authorName, user.getName());
            redirect.addFlashAttribute("done", "sc.moderation.entered");
            return "redirect:/selfcriticism/moderation";
        } catch (Refusal e) {
            return refused(e, user, response, model);
        }
    }

    private String refused(Refusal e, Principal user, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("error", e.messageKey());
        return moderation(user, model);
    }

    private List<OfficialView> officials(long sessionId) {
        return store.officials(sessionId).stream().map(o -> new OfficialView(o.id(), o.userId(), officers.displayName(o.userId()),
                o.title(), o.response(), o.peopleAssessment())).toList();
    }

    private static Long official(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "sc.error.official");
        }
    }
}
