package vn.qcdc.portal;

import vn.qcdc.cases.SubmissionLimits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.cases.CaseKind;

/** Everything the filing form shows: the citizen's values, each field's problems, the limits the browser checks too. */
@Component
class SubmitPage {

    static final String VIEW = "portal/submit";

    // The cases module's limits (SubmissionValidator, AttachmentChecker), repeated for the browser's own checks.
    static final int MAX_TITLE = SubmissionLimits.MAX_TITLE;
    static final int MAX_CONTENT = SubmissionLimits.MAX_CONTENT;
    static final int MAX_NAME = SubmissionLimits.MAX_NAME;
    static final int MAX_ADDRESS = SubmissionLimits.MAX_ADDRESS;
    static final int MAX_CONTACT = SubmissionLimits.MAX_CONTACT;
    static final int MAX_FILES = SubmissionLimits.MAX_FILES;
    static final int MAX_FILE_MB = SubmissionLimits.MAX_FILE_MB;

    /** Fields the form shows problems beside; any other field's problem goes to the summary at the top. */
    private static final Set<String> FIELDS = Set.of("kind", "unitCode", "title", "content", "citizenName",
            "citizenAddress", "citizenContact", "notify", "attachments");

    private final OrgUnitRepository units;

    SubmitPage(OrgUnitRepository units) {
        this.units = units;
    }

    void fill(Map<String, Object> model, SubmitForm form, Map<String, List<String>> errors, boolean filesDropped) {
        model.put("form", form);
        model.put("errors", errors);
        Map<String, List<String>> general = new LinkedHashMap<>(errors);
        general.keySet().removeAll(FIELDS);
        model.put("generalErrors", general.values().stream().flatMap(List::stream).toList());
        model.put("filesDropped", filesDropped);
        model.put("kinds", CaseKind.values());
        model.put("chosenUnit", chosenUnit(form.getUnitCode()));
        model.put("maxTitle", MAX_TITLE);
        model.put("maxContent", MAX_CONTENT);
        model.put("maxName", MAX_NAME);
        model.put("maxAddress", MAX_ADDRESS);
        model.put("maxContact", MAX_CONTACT);
        model.put("maxFiles", MAX_FILES);
        model.put("maxFileMb", MAX_FILE_MB);
    }

    private OrgUnit chosenUnit(String code) {
        return code == null || code.isBlank() ? null : units.find(normalizedUnitCode(code)).orElse(null);
    }

    /** Unit codes are lower-case ASCII; someone typing one by hand may not know. */
    static String normalizedUnitCode(String code) {
        return code == null ? null : code.trim().toLowerCase(Locale.ROOT);
    }
}
