package vn.qcdc.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import vn.qcdc.platform.Refusal;

/** PDF and images only, recognised by their content (a renamed executable is caught), and size-limited. */
@Component
class AttachmentChecker {

    static final int MAX_FILES = SubmissionLimits.MAX_FILES;
    static final int MAX_BYTES = SubmissionLimits.MAX_FILE_MB * 1024 * 1024;
    private static final Map<String, String> ALLOWED = Map.of(
            "application/pdf", "pdf", "image/png", "png", "image/jpeg", "jpg", "image/webp", "webp");

    private final Tika tika = new Tika();

    List<CheckedFile> check(List<Upload> uploads, List<Refusal.Problem> problems) {
        List<CheckedFile> checked = new ArrayList<>();
        if (uploads.size() > MAX_FILES) {
            problems.add(new Refusal.Problem("attachments", "case.attachment.too-many", MAX_FILES));
            return checked;
        }
        for (Upload upload : uploads) {
            String name = safeName(upload.fileName());
            if (upload.bytes() == null || upload.bytes().length == 0) {
                problems.add(new Refusal.Problem("attachments", "case.attachment.empty", name));
            } else if (upload.bytes().length > MAX_BYTES) {
                problems.add(new Refusal.Problem("attachments", "case.attachment.too-large", name, MAX_BYTES / (1024 * 1024)));
            } else {
                String detected = tika.detect(upload.bytes());
                if (!ALLOWED.containsKey(detected)) {
                    problems.add(new Refusal.Problem("attachments", "case.attachment.type", name));
                } else {
                    checked.add(new CheckedFile(name, detected, upload.bytes()));
                }
            }
        }
        return checked;
    }

    /** Keeps a readable name but never a path or control characters. */
    static String safeName(String name) {
        String base = name == null ? "tep" : name.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").trim();
        if (base.isEmpty()) {
            base = "tep";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
