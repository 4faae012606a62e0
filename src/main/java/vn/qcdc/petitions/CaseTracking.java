package vn.qcdc.petitions;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.qcdc.organization.OrgUnitRepository;

/**
 * What a citizen sees with the tracking code and PIN, without signing in: status, next deadline,
 * public notes, the decision. Never internal notes, never a denouncer's identity.
 */
@Service
public class CaseTracking {

    public record PublicView(String trackingCode, CaseKind kind, String unitName, CaseStatus status, Instant receivedAt,
            String nextStep, Instant nextDeadline, Instant statutoryDeadline, List<CaseNotes.Note> notes,
            String decisionText, Instant decisionAt, int round, boolean canWithdraw, boolean canEscalate) {
    }

    private final CaseRepository cases;
    private final CaseNotes notes;
    private final CaseCodes codes;
    private final TrackingLock lock;
    private final OrgUnitRepository units;
    private final SecondComplaintWindow secondWindow;

    CaseTracking(CaseRepository cases, CaseNotes notes, CaseCodes codes, TrackingLock lock, OrgUnitRepository units,
            SecondComplaintWindow secondWindow) {
        this.cases = cases;
        this.notes = notes;
        this.codes = codes;
        this.lock = lock;
        this.units = units;
        this.secondWindow = secondWindow;
    }

    /** The case, if the PIN matches; a wrong PIN counts towards the lock-out (in its own transaction, so it sticks). */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = SubmissionRejectedException.class)
    public CitizenCase authorize(String code, String pin) {
        String normalized = code == null ? "" : code.trim().toUpperCase();
        Instant now = Instant.now();
        if (normalized.isEmpty() || pin == null || pin.isBlank()) {
            throw new SubmissionRejectedException(new FieldProblem("pin", "tracking.required"));
        }
        if (lock.locked(normalized, now)) {
            throw new SubmissionRejectedException(new FieldProblem("pin", "tracking.locked", TrackingLock.LOCK.toMinutes()));
        }
        String hash = cases.pinHash(normalized).orElse(null);
        if (hash == null || !codes.pinMatches(normalized, pin.trim(), hash)) {
            lock.failed(normalized, now);
            throw new SubmissionRejectedException(new FieldProblem("pin", "tracking.wrong"));
        }
        lock.succeeded(normalized);
        return cases.findByCode(normalized).orElseThrow();
    }

    public PublicView view(String code, String pin) {
        return viewOf(authorize(code, pin));
    }

    PublicView viewOf(CitizenCase c) {
        String unitName = units.find(c.unitCode()).map(u -> u.name()).orElse(c.unitCode());
        return new PublicView(c.trackingCode(), c.kind(), unitName, c.status(), c.receivedAt(), c.nextStep(),
                c.nextDeadline(), c.statutoryDeadline(), notes.publicOf(c.id()), c.decisionText(), c.decisionAt(),
                c.round(), !c.status().finished() && c.closedAt() == null, secondWindow.open(c, Instant.now()));
    }
}
