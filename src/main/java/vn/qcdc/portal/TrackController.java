package vn.qcdc.portal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.qcdc.cases.CaseTracking;
import vn.qcdc.cases.CitizenActions;
import vn.qcdc.cases.Receipt;
import vn.qcdc.platform.Refusal;

/**
 * Following a case with its code and PIN. The PIN travels only in POST bodies (never in an address),
 * and the status page carries it in hidden fields for the withdraw, second-complaint and further-denunciation
 * buttons.
 */
@Controller
class TrackController {

    static final String FORM = "portal/track";
    static final String STATUS = "portal/status";

    private final CaseTracking tracking;
    private final CitizenActions actions;
    private final Problems problems;

    TrackController(CaseTracking tracking, CitizenActions actions, Problems problems) {
        this.tracking = tracking;
        this.actions = actions;
        this.problems = problems;
    }

    @GetMapping("/portal/track")
    String form(@RequestParam(required = false) String code, Model model) {
        return form(plausibleCode(code), Map.of(), model);
    }

    @PostMapping("/portal/track")
    String track(@RequestParam(defaultValue = "") String trackingCode, @RequestParam(defaultValue = "") String pin,
            Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        try {
            return status(tracking.view(trackingCode, pin, request.getRemoteAddr()), pin, null, model);
        } catch (Refusal e) {
            return refused(e, trackingCode, pin, model, locale, request, response);
        }
    }

    @PostMapping("/portal/track/withdraw")
    String withdraw(@RequestParam(defaultValue = "") String trackingCode, @RequestParam(defaultValue = "") String pin,
            Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        try {
            return status(actions.withdraw(trackingCode, pin, request.getRemoteAddr()), pin, "portal.status.withdrawn", model);
        } catch (Refusal e) {
            return refused(e, trackingCode, pin, model, locale, request, response);
        }
    }

    @PostMapping("/portal/track/rate")
    String rate(@RequestParam(defaultValue = "") String trackingCode, @RequestParam(defaultValue = "") String pin,
            @RequestParam(required = false) String score, @RequestParam(required = false) String comment, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        try {
            return status(actions.rate(trackingCode, pin, request.getRemoteAddr(), score, comment), pin,
                    "portal.rating.thanks", model);
        } catch (Refusal e) {
            return refused(e, trackingCode, pin, model, locale, request, response);
        }
    }

    @PostMapping("/portal/track/second-complaint")
    String secondComplaint(@RequestParam(defaultValue = "") String trackingCode,
            @RequestParam(defaultValue = "") String pin, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            return receiptPage(actions.escalate(trackingCode, pin, request.getRemoteAddr()), trackingCode, redirect);
        } catch (Refusal e) {
            return refused(e, trackingCode, pin, model, locale, request, response);
        }
    }

    @PostMapping("/portal/track/further-denunciation")
    String furtherDenunciation(@RequestParam(defaultValue = "") String trackingCode,
            @RequestParam(defaultValue = "") String pin, @RequestParam(defaultValue = "") String reasons, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Receipt receipt = actions.furtherDenounce(trackingCode, pin, reasons, request.getRemoteAddr());
            return receiptPage(receipt, trackingCode, redirect);
        } catch (Refusal e) {
            return refused(e, trackingCode, pin, model, locale, request, response);
        }
    }

    /** A new case continuing this one (second complaint, further denunciation): its receipt, once. */
    private static String receiptPage(Receipt receipt, String previousCode, RedirectAttributes redirect) {
        redirect.addFlashAttribute(IssuedReceipt.FLASH, IssuedReceipt.of(receipt, previousCode.trim().toUpperCase(Locale.ROOT)));
        redirect.addAttribute("code", receipt.trackingCode());
        return "redirect:/portal/receipt/{code}";
    }

    private String status(CaseTracking.PublicView view, String pin, String notice, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("pin", pin.trim());
        model.addAttribute("notice", notice);
        return STATUS;
    }

    /**
     * A wrong or locked PIN goes back to the tracking form. A refused action on a case the PIN did open
     * (too late to withdraw, no second complaint possible) stays on the status page with the reason.
     */
    private String refused(Refusal e, String code, String pin, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        List<Refusal.Problem> found = e.problems();
        response.setStatus(e.status().value());
        Map<String, List<String>> errors = problems.byField(found, locale);
        if (!"pin".equals(found.get(0).field())) {
            model.addAttribute("actionErrors", errors.values().stream().flatMap(List::stream).toList());
            return status(tracking.view(code, pin, request.getRemoteAddr()), pin, null, model);
        }
        return form(code.trim().toUpperCase(Locale.ROOT), errors, model);
    }

    private static String form(String code, Map<String, List<String>> errors, Model model) {
        model.addAttribute("trackingCode", code);
        model.addAttribute("errors", errors);
        return FORM;
    }

    /** A tracking code as issued (KN-2026-7KQ4ZP), or nothing: never echo arbitrary text from an address. */
    static String plausibleCode(String code) {
        return code != null && code.matches("[A-Za-z0-9-]{1,20}") ? code.toUpperCase(Locale.ROOT) : "";
    }
}
