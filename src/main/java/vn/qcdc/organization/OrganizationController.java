package vn.qcdc.organization;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation tree as of a day, and the admin's import of a reorganisation file. */
@Controller
class OrganizationController {

    static final long MAX_IMPORT_BYTES = 2 * 1024 * 1024;

    private final OrgUnitRepository units;
    private final ReorganizationService reorganizations;
    private final MessageSource messages;
    private final Clock clock;

    OrganizationController(OrgUnitRepository units, ReorganizationService reorganizations, MessageSource messages,
            Clock clock) {
        this.units = units;
        this.reorganizations = reorganizations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/organization")
    String tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Model model) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        List<OrgUnit> active = units.findActiveOn(day);
        model.addAttribute("day", day);
        model.addAttribute("tree", OrgTree.of(active));
        model.addAttribute("dissolved", units.findAll().stream().filter(OrgUnit::dissolved).toList());
        return "organization/tree";
    }

    @GetMapping("/admin/organization")
    String importPage() {
        return "organization/import";
    }

    @PostMapping("/admin/organization/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Authentication user, Locale locale,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problems", List.of(messages.getMessage("org.import.empty", null, locale)));
            return "redirect:/admin/organization";
        }
        if (file.getSize() > MAX_IMPORT_BYTES) {
            redirect.addFlashAttribute("problems", List.of(messages.getMessage("org.import.too-large", null, locale)));
            return "redirect:/admin/organization";
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            var result = reorganizations.apply(reader, String.valueOf(file.getOriginalFilename()), user.getName());
            redirect.addFlashAttribute("result", result);
        } catch (ReorganizationRejectedException e) {
            redirect.addFlashAttribute("problems", e.problems().stream()
                    .map(p -> messages.getMessage("org.import.line", new Object[] {p.line()}, locale) + " "
                            + messages.getMessage(p.messageKey(), p.args(), locale))
                    .toList());
        }
        return "redirect:/admin/organization";
    }
}
