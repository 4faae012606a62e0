package vn.qcdc.cases;

import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.qcdc.platform.Refusal;

/**
 * What a citizen can do with the code and PIN: withdraw the case, take a complaint to the next level, or denounce
 * further to the superior unit.
 */
@Service
public class CitizenActions {

    private final CaseTracking tracking;
    private final CaseRepository cases;
    private final CaseNotes notes;
    private final CaseIntake intake;
    private final SecondComplaintWindow secondWindow;
    private final FurtherDenunciationWindow furtherWindow;
    private final IdentityVault vault;
    private final SuperiorUnits superiors;
    private final RuntimeService runtimeService;
    private final CitizenNotices notices;
    private final CaseRatings ratings;
    private final Clock clock;

    CitizenActions(CaseTracking tracking, CaseRepository cases, CaseNotes notes, CaseIntake intake,
            SecondComplaintWindow secondWindow, FurtherDenunciationWindow furtherWindow, IdentityVault vault,
            SuperiorUnits superiors, RuntimeService runtimeService, CitizenNotices notices, CaseRatings ratings,
            Clock clock) {
        this.notices = notices;
        this.ratings = ratings;
        this.tracking = tracking;
        this.cases = cases;
        this.notes = notes;
        this.intake = intake;
        this.secondWindow = secondWindow;
        this.furtherWindow = furtherWindow;
        this.vault = vault;
        this.superiors = superiors;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Before the decision only. A denunciation may still go on where there are signs of violation. */
    @Transactional
    public CaseTracking.PublicView withdraw(String code, String pin, String clientAddress) {
        // the row lock orders the withdrawal with the job starting the case process
        CitizenCase c = cases.lockForProcessStart(tracking.authorize(code, pin, clientAddress).id()).orElseThrow();
        if (c.status().finished() || c.closedAt() != null) {
            throw Refusal.ofField("trackingCode", "tracking.withdraw.closed");
        }
        cases.markWithdrawn(c.id(), clock.instant());
        notes.add(c.id(), CaseNotes.Visibility.PUBLIC, "citizen", "Công dân đã rút đơn.");
        if (c.processInstanceId() == null && c.kind() != CaseKind.DENUNCIATION) {
            // withdrawn before its process started: there is nothing to stop, and the job will find it closed
            cases.close(c.id(), CaseStatus.WITHDRAWN, clock.instant());
            notices.queue(c.id(), CaseNotice.WITHDRAWN);
            return tracking.viewOf(cases.find(c.id()).orElseThrow());
        }
        // the case process (while classifying) or the kind's process it called reacts: both carry the
        // tracking code as business key, and decide what a withdrawn denunciation needs
        runtimeService.createMessageCorrelation("case-withdrawn").processInstanceBusinessKey(c.trackingCode())
                .correlateAllWithResult();
        return tracking.viewOf(cases.find(c.id()).orElseThrow());
    }

    /** A second-time complaint, at the next level, with its own clock and a mandatory dialogue. */
    @Transactional
    public Receipt escalate(String code, String pin, String clientAddress) {
        CitizenCase c = tracking.authorize(code, pin, clientAddress);
        if (!secondWindow.open(c, clock.instant())) {
            throw Refusal.ofField("trackingCode", "tracking.escalate.closed");
        }
        Receipt receipt = intake.submit(new Submission(CaseKind.COMPLAINT, Channel.PORTAL, c.unitCode(),
                "Khiếu nại lần hai: " + c.title(), c.content(), c.citizenName(), c.citizenAddress(), c.citizenContact(),
                false, c.remoteArea(), java.util.List.of(), "second:" + c.trackingCode(), null, 2, c.id(), null), "citizen");
        notes.add(c.id(), CaseNotes.Visibility.PUBLIC, "citizen",
                "Công dân khiếu nại lần hai, mã hồ sơ mới " + receipt.trackingCode() + ".");
        notices.copySubscription(c.id(), cases.findByCode(receipt.trackingCode()).orElseThrow().id());
        return receipt;
    }

    /**
     * A further denunciation (Law on Denunciations Art. 38): a new denunciation at the superior unit, round 2, with
     * the citizen's reasons as its content. The denouncer's identity goes from the first case's vault entry to the
     * new one's (a read logged as the citizen's own), never through the engine.
     */
    @Transactional
    public Receipt furtherDenounce(String code, String pin, String reasons, String clientAddress) {
        CitizenCase c = tracking.authorize(code, pin, clientAddress);
        if (!furtherWindow.open(c, clock.instant())) {
            throw Refusal.ofField("trackingCode", "tracking.further.closed");
        }
        String text = reasons == null ? "" : reasons.trim();
        if (text.isEmpty()) {
            throw Refusal.ofField("reasons", "tracking.further.reasons-required");
        }
        if (text.length() > SubmissionLimits.MAX_CONTENT) {
            throw Refusal.ofField("reasons", "case.field.too-long", SubmissionLimits.MAX_CONTENT);
        }
        String superior = superiors.of(c.unitCode()).map(u -> u.name())
                .orElseThrow(() -> Refusal.ofField("trackingCode", "tracking.further.no-superior"));
        IdentityVault.DenouncerIdentity denouncer = vault.read(c.id(), "citizen", "Tố cáo tiếp " + c.trackingCode())
                .orElseThrow(() -> Refusal.ofField("trackingCode", "tracking.further.closed"));
        String title = "Tố cáo tiếp: " + c.title();
        Receipt receipt = intake.submit(new Submission(CaseKind.DENUNCIATION, Channel.PORTAL, c.unitCode(),
                title.length() > SubmissionLimits.MAX_TITLE ? title.substring(0, SubmissionLimits.MAX_TITLE) : title,
                text, denouncer.name(), denouncer.address(), denouncer.contact(), false, c.remoteArea(),
                java.util.List.of(), "further:" + c.trackingCode(), null, 2, c.id(), null), "citizen");
        notes.add(c.id(), CaseNotes.Visibility.PUBLIC, "citizen",
                "Người tố cáo đã tố cáo tiếp lên " + superior + ", mã hồ sơ mới " + receipt.trackingCode() + ".");
        // the receipt names the unit that will resolve it: the routing moves the case there as its process starts
        return new Receipt(receipt.trackingCode(), receipt.pin(), receipt.kind(), superior, receipt.receivedAt(), null);
    }

    /** The citizen rates the handling of their decided case, once: 1 to 5 and a comment. */
    @Transactional(noRollbackFor = Refusal.class)
    public CaseTracking.PublicView rate(String code, String pin, String clientAddress, String score, String comment) {
        CitizenCase c = tracking.authorize(code, pin, clientAddress);
        ratings.add(c, score, comment, clock.instant());
        return tracking.viewOf(c);
    }
}
