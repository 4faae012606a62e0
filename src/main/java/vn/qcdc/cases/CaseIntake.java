package vn.qcdc.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.qcdc.organization.OrgUnit;
import org.springframework.http.HttpStatus;
import vn.qcdc.platform.Refusal;

/**
 * Turns a submission from any channel into a case and schedules the start of the one case process
 * ({@link CaseProcessStart}). A denouncer's identity goes to the {@link IdentityVault}, never into
 * the case row or a process variable.
 */
@Service
public class CaseIntake {

    public static final String PROCESS_KEY = "citizen-case";
    /** The message every channel sends to open a case in {@value #PROCESS_KEY}. */
    public static final String SUBMITTED = "case-submitted";

    private final SubmissionValidator validator;
    private final AttachmentChecker attachmentChecker;
    private final CaseRepository cases;
    private final CaseAttachments attachments;
    private final IdentityVault vault;
    private final CaseCodes codes;
    private final CaseProcessStart processStart;
    private final CitizenNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseIntake(SubmissionValidator validator, AttachmentChecker attachmentChecker, CaseRepository cases,
            CaseAttachments attachments, IdentityVault vault, CaseCodes codes, CaseProcessStart processStart,
            CitizenNotices notices, ApplicationEventPublisher events, Clock clock) {
        this.notices = notices;
        this.validator = validator;
        this.attachmentChecker = attachmentChecker;
        this.cases = cases;
        this.attachments = attachments;
        this.vault = vault;
        this.codes = codes;
        this.processStart = processStart;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Receipt submit(Submission submission, String actor) {
        return submit(submission, false, actor);
    }

    /**
     * With {@code notify}, the citizen agrees to be told of each public status change at the contact they give,
     * which must then be an e-mail address or a mobile number ({@link CitizenNotices}).
     */
    @Transactional
    public Receipt submit(Submission submission, boolean notify, String actor) {
        SubmissionValidator.Result checked = validator.validate(submission);
        List<Refusal.Problem> problems = new ArrayList<>(checked.problems());
        NoticeContact contact = notify ? noticeContact(submission, problems) : null;
        List<CheckedFile> files = attachmentChecker.check(submission.attachments(), problems);
        if (!problems.isEmpty()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, problems);
        }
        refuseReplay(submission);
        Receipt receipt = create(submission, checked.unit(), files, actor);
        if (contact != null) {
            notices.subscribe(cases.findByCode(receipt.trackingCode()).orElseThrow().id(),
                    submission.kind() == CaseKind.DENUNCIATION, contact);
        }
        return receipt;
    }

    private static NoticeContact noticeContact(Submission s, List<Refusal.Problem> problems) {
        if (s.anonymous()) {
            problems.add(new Refusal.Problem("notify", "case.notify.anonymous"));
            return null;
        }
        NoticeContact contact = NoticeContact.parse(s.citizenContact()).orElse(null);
        if (contact == null) {
            problems.add(new Refusal.Problem("citizenContact", "case.notify.contact"));
        }
        return contact;
    }

    /** A submission mixing several kinds becomes one case per kind (Law on Citizen Reception Art. 25). */
    @Transactional
    public List<Receipt> submitSplit(Submission submission, Set<CaseKind> kinds, String actor) {
        return submitSplit(submission, kinds, false, actor);
    }

    /** As {@link #submitSplit(Submission, Set, String)}, each case followed with notices if {@code notify}. */
    @Transactional
    public List<Receipt> submitSplit(Submission submission, Set<CaseKind> kinds, boolean notify, String actor) {
        if (kinds == null || kinds.isEmpty() || kinds.contains(null)) {
            throw Refusal.ofField("kind", "case.kind.unknown");
        }
        List<Receipt> receipts = new ArrayList<>();
        for (CaseKind kind : kinds.stream().sorted().toList()) {
            receipts.add(submit(submission.withKind(kind), notify, actor));
        }
        return receipts;
    }

    /**
     * A key seen before at the same door: the same request again is told its case's code (it is the
     * sender's own), any other request under that key only that the key is taken.
     */
    private void refuseReplay(Submission s) {
        String key = storedKey(s);
        if (key != null) {
            cases.replayOf(key).ifPresent(earlier -> {
                throw earlier.fingerprint() != null && earlier.fingerprint().equals(fingerprint(s))
                        ? Refusal.ofField(HttpStatus.CONFLICT, "idempotencyKey", "case.idempotency.replayed",
                                earlier.trackingCode())
                        : Refusal.ofField(HttpStatus.CONFLICT, "idempotencyKey", "case.idempotency.conflict");
            });
        }
    }

    /** The key as the door's own: the same key sent to another door is another key. Stored as a hash. */
    static String storedKey(Submission s) {
        return s.idempotencyKey() == null ? null : s.channel() + ":" + sha256(s.idempotencyKey());
    }

    static String fingerprint(Submission s) {
        return sha256(String.join("\u001f", String.valueOf(s.kind()), String.valueOf(s.unitCode()), String.valueOf(s.title()),
                String.valueOf(s.content()), String.valueOf(s.citizenName()), String.valueOf(s.citizenAddress()),
                String.valueOf(s.citizenContact()), String.valueOf(s.anonymous()), String.valueOf(s.parentCaseId())));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Receipt create(Submission s, OrgUnit unit, List<CheckedFile> files, String actor) {
        Instant receivedAt = s.receivedAt() == null ? clock.instant() : s.receivedAt();
        String code = codes.newTrackingCode(s.kind(), cases::trackingCodeTaken);
        String pin = codes.newPin();
        boolean denunciation = s.kind() == CaseKind.DENUNCIATION;
        boolean keepIdentity = !denunciation && !s.anonymous();
        long caseId;
        try {
            caseId = cases.insert(new CaseRepository.NewCase(code, codes.pinHash(code, pin), s.kind(), s.channel(),
                    unit.code(), s.title().trim(), s.content().trim(), keepIdentity ? trim(s.citizenName()) : null,
                    keepIdentity ? trim(s.citizenAddress()) : null, keepIdentity ? trim(s.citizenContact()) : null,
                    s.anonymous() || (!denunciation && trim(s.citizenName()) == null), s.remoteArea(), receivedAt,
                    s.round(), s.parentCaseId(), s.sourceRef(), storedKey(s), fingerprint(s)));
        } catch (DuplicateKeyException e) {
            // two identical requests raced past refuseReplay; the other one won
            refuseReplay(s);
            throw e;
        }
        if (denunciation) {
            vault.store(caseId, new IdentityVault.DenouncerIdentity(trim(s.citizenName()), trim(s.citizenAddress()),
                    trim(s.citizenContact())));
        }
        files.forEach(f -> attachments.add(caseId, f, actor));
        processStart.schedule(caseId);
        events.publishEvent(new CaseReceived(caseId, code, s.kind(), s.channel()));
        // the next step and its deadline are known once the case process has routed the case
        return new Receipt(code, pin, s.kind(), unit.name(), receivedAt, null);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
