package vn.qcdc.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.qcdc.organization.OrgUnitRepository;
import org.springframework.http.HttpStatus;
import vn.qcdc.platform.Refusal;

/**
 * What a citizen sees with the tracking code and PIN, without signing in: status, next deadline,
 * public notes, the decision. Never internal notes, never a denouncer's identity.
 */
@Service
public class CaseTracking {

    public record PublicView(String trackingCode, CaseKind kind, String unitName, CaseStatus status, Instant receivedAt,
            String nextStep, Instant nextDeadline, Instant statutoryDeadline, List<CaseNotes.Note> notes,
            String decisionText, Instant decisionAt, int round, boolean canWithdraw, boolean canEscalate,
            boolean awaitingRouting, boolean startDelayed, boolean canFurtherDenounce, boolean canRate,
            Integer rating) {
    }

    private final CaseRepository cases;
    private final CaseNotes notes;
    private final CaseCodes codes;
    private final TrackingLock lock;
    private final OrgUnitRepository units;
    private final SecondComplaintWindow secondWindow;
    private final FurtherDenunciationWindow furtherWindow;
    private final CaseProcessStart processStart;
    private final CaseRatings ratings;
    private final Clock clock;

    CaseTracking(CaseRepository cases, CaseNotes notes, CaseCodes codes, TrackingLock lock, OrgUnitRepository units,
            SecondComplaintWindow secondWindow, FurtherDenunciationWindow furtherWindow, CaseProcessStart processStart,
            CaseRatings ratings, Clock clock) {
        this.ratings = ratings;
        this.cases = cases;
        this.notes = notes;
        this.codes = codes;
        this.lock = lock;
        this.units = units;
        this.secondWindow = secondWindow;
        this.furtherWindow = furtherWindow;
        this.processStart = processStart;
        this.clock = clock;
    }

    /** What a tracking code looks like; anything else is answered like an unknown code. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9-]{1,20}");

    /**
     * The case, if the PIN matches; a wrong PIN counts towards the locks of this code at this client
     * address (in their own transactions, so they stick).
     */
    @Transactional(noRollbackFor = Refusal.class)
    public CitizenCase authorize(String code, String pin, String clientAddress) {
        String normalized = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        if (normalized.isEmpty() || pin == null || pin.isBlank()) {
            throw Refusal.ofField("pin", "tracking.required");
        }
        String known = CODE.matcher(normalized).matches() ? normalized : null;
        Instant now = clock.instant();
        lock.lockedUntil(known, clientAddress).ifPresent(until -> {
            throw Refusal.ofField(HttpStatus.TOO_MANY_REQUESTS, "pin", "tracking.locked",
                    Math.max(1, java.time.Duration.between(now, until).toMinutes() + 1));
        });
        String hash = known == null ? null : cases.pinHash(known).orElse(null);
        if (hash == null || pin.length() > 20 || !codes.pinMatches(known, pin.trim(), hash)) {
            lock.failed(known, clientAddress);
            throw Refusal.ofField(HttpStatus.FORBIDDEN, "pin", "tracking.wrong");
        }
        lock.succeeded(known, clientAddress);
        return cases.findByCode(known).orElseThrow();
    }

    public PublicView view(String code, String pin, String clientAddress) {
        return viewOf(authorize(code, pin, clientAddress));
    }

    /** Received, not closed, and its process not started yet: it is on its way to the officer who classifies it. */
    static boolean awaitingRouting(CitizenCase c) {
        return c.processInstanceId() == null && c.closedAt() == null;
    }

    PublicView viewOf(CitizenCase c) {
        String unitName = units.find(c.unitCode()).map(u -> u.name()).orElse(c.unitCode());
        Integer rating = ratings.scoreOf(c.id()).orElse(null);
        return new PublicView(c.trackingCode(), c.kind(), unitName, c.status(), c.receivedAt(), c.nextStep(),
                c.nextDeadline(), c.statutoryDeadline(), notes.publicOf(c.id()), c.decisionText(), c.decisionAt(),
                c.round(), !c.status().finished() && c.closedAt() == null, secondWindow.open(c, clock.instant()),
                awaitingRouting(c), awaitingRouting(c) && processStart.failedStarts().contains(c.id()),
                furtherWindow.open(c, clock.instant()), rating == null && CaseRatings.rateable(c), rating);
    }
}
