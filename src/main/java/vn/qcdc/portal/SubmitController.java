package vn.qcdc.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.CitizenCase;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Receipt;
import vn.qcdc.cases.Submission;
import vn.qcdc.cases.Upload;
import vn.qcdc.platform.Refusal;

/** Filing a case without signing in: the form, then (POST-redirect-GET) the receipt with the PIN, shown once. */
@Controller
class SubmitController {

    private final CaseIntake intake;
    private final CaseRepository cases;
    private final SubmitPage page;
    private final Problems problems;

    SubmitController(CaseIntake intake, CaseRepository cases, SubmitPage page, Problems problems) {
        this.intake = intake;
        this.cases = cases;
        this.page = page;
        this.problems = problems;
    }

    @GetMapping("/portal/submit")
    String form(@RequestParam(required = false) String kind, Model model) {
        SubmitForm form = SubmitForm.fresh();
        CaseKind preselected = kindOf(kind);
        if (preselected != null) {
            form.setKind(preselected.name());
        }
        page.fill(model.asMap(), form, Map.of(), false);
        return SubmitPage.VIEW;
    }

    @PostMapping("/portal/submit")
    String submit(@ModelAttribute("form") SubmitForm form, BindingResult unreadable,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        // a value that cannot be bound (anonymous=maybe) is left at its default; the validator judges the rest
        List<Upload> uploads = uploads(files);
        try {
            Receipt receipt = intake.submit(Submission.of(kindOf(form.getKind()), Channel.PORTAL,
                    SubmitPage.normalizedUnitCode(form.getUnitCode()), form.getTitle(), form.getContent(),
                    form.getCitizenName(), form.getCitizenAddress(), form.getCitizenContact(), form.isAnonymous(),
                    uploads, blankToNull(form.getIdempotencyKey())), form.isNotify(), "citizen");
            redirect.addFlashAttribute(IssuedReceipt.FLASH, IssuedReceipt.of(receipt, null));
            redirect.addAttribute("code", receipt.trackingCode());
            return "redirect:/portal/receipt/{code}";
        } catch (Refusal e) {
            response.setStatus(e.status().value());
            page.fill(model.asMap(), form, problems.byField(e.problems(), locale), !uploads.isEmpty());
            return SubmitPage.VIEW;
        }
    }

    /** The receipt, once: reloading the page (or opening its address later) no longer shows the PIN. */
    @GetMapping("/portal/receipt/{code}")
    String receipt(@PathVariable String code, Model model) {
        if (model.getAttribute(IssuedReceipt.FLASH) instanceof IssuedReceipt issued && issued.trackingCode().equals(code)) {
            // the case process routes the case after the submission: by now it has usually set the deadline
            model.addAttribute("receipt", issued.nextDeadline() != null ? issued
                    : issued.withNextDeadline(cases.findByCode(code).map(CitizenCase::nextDeadline).orElse(null)));
            return "portal/receipt";
        }
        model.addAttribute("code", TrackController.plausibleCode(code));
        return "portal/receipt-shown";
    }

    static CaseKind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return CaseKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Upload> uploads(List<MultipartFile> files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            // a file input left empty still sends one part, without a name or a byte
            boolean nothingChosen = file.isEmpty()
                    && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank());
            if (!nothingChosen) {
                uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
            }
        }
        return uploads;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
