package vn.qcdc.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.organization.OrgUnitType;
import vn.qcdc.platform.PlainText;
import vn.qcdc.platform.Refusal;

/** The rules every channel's submission must meet; each broken one becomes a message for the citizen. */
@Component
class SubmissionValidator {

    static final int MAX_TITLE = SubmissionLimits.MAX_TITLE;
    static final int MAX_CONTENT = SubmissionLimits.MAX_CONTENT;
    static final int MAX_NAME = SubmissionLimits.MAX_NAME;
    static final int MAX_ADDRESS = SubmissionLimits.MAX_ADDRESS;
    static final int MAX_CONTACT = SubmissionLimits.MAX_CONTACT;
    static final int MAX_IDEMPOTENCY_KEY = 100;

    private final OrgUnitRepository units;
    private final Clock clock;

    SubmissionValidator(OrgUnitRepository units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** What the checks found: the problems, and the unit concerned when it exists and may receive cases. */
    record Result(List<Refusal.Problem> problems, OrgUnit unit) {
    }

    Result validate(Submission s) {
        List<Refusal.Problem> problems = new ArrayList<>();
        OrgUnit receiving = null;
        if (s.kind() == null) {
            problems.add(new Refusal.Problem("kind", "case.kind.unknown"));
        }
        if (s.channel() == null) {
            problems.add(new Refusal.Problem("channel", "case.channel.unknown"));
        }
        text(problems, "title", s.title(), true, MAX_TITLE);
        text(problems, "content", s.content(), true, MAX_CONTENT);
        text(problems, "citizenName", s.citizenName(), false, MAX_NAME);
        text(problems, "citizenAddress", s.citizenAddress(), false, MAX_ADDRESS);
        text(problems, "citizenContact", s.citizenContact(), false, MAX_CONTACT);
        if (s.idempotencyKey() != null && (s.idempotencyKey().isBlank() || s.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY)) {
            problems.add(new Refusal.Problem("idempotencyKey", "case.idempotency.invalid", MAX_IDEMPOTENCY_KEY));
        }
        if (s.unitCode() == null || s.unitCode().isBlank()) {
            problems.add(new Refusal.Problem("unitCode", "case.unit.required"));
        } else {
            OrgUnit unit = units.find(s.unitCode()).orElse(null);
            if (unit == null || unit.type() == OrgUnitType.HAMLET) {
                problems.add(new Refusal.Problem("unitCode", "case.unit.unknown", s.unitCode()));
            } else if (!unit.activeOn(LocalDate.now(clock))) {
                problems.add(new Refusal.Problem("unitCode", "case.unit.dissolved", unit.name()));
            } else {
                receiving = unit;
            }
        }
        if (s.kind() != null) {
            boolean identified = !s.anonymous() && notBlank(s.citizenName()) && (notBlank(s.citizenAddress()) || notBlank(s.citizenContact()));
            if (!identified && !s.kind().allowsAnonymous()) {
                problems.add(new Refusal.Problem("citizenName", s.kind() == CaseKind.DENUNCIATION
                        ? "case.anonymous.denunciation" : "case.anonymous.complaint"));
            }
        }
        return new Result(problems, receiving);
    }

    private static void text(List<Refusal.Problem> problems, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Refusal.Problem(field, "case.field.required"));
            }
        } else if (value.length() > max) {
            problems.add(new Refusal.Problem(field, "case.field.too-long", max));
        } else if (PlainText.hasControlCharacters(value)) {
            problems.add(new Refusal.Problem(field, "case.field.control"));
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
