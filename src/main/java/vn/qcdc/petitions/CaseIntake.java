package vn.qcdc.petitions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;

/**
 * Turns a submission from any channel into a case and starts the one case process. A denouncer's
 * identity goes to the {@link IdentityVault}, never into the case row or a process variable.
 */
@Service
public class CaseIntake {

    public static final String PROCESS_KEY = "citizen-case";
    /** The message every channel sends to open a case in {@value #PROCESS_KEY}. */
    public static final String SUBMITTED = "case-submitted";
    private static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");

    private final SubmissionValidator validator;
    private final AttachmentChecker attachmentChecker;
    private final CaseRepository cases;
    private final CaseAttachments attachments;
    private final IdentityVault vault;
    private final CaseCodes codes;
    private final OrgUnitRepository units;
    private final RuntimeService runtimeService;
    private final org.springframework.context.MessageSource messages;

    CaseIntake(SubmissionValidator validator, AttachmentChecker attachmentChecker, CaseRepository cases,
            CaseAttachments attachments, IdentityVault vault, CaseCodes codes, OrgUnitRepository units,
            RuntimeService runtimeService, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.validator = validator;
        this.attachmentChecker = attachmentChecker;
        this.cases = cases;
        this.attachments = attachments;
        this.vault = vault;
        this.codes = codes;
        this.units = units;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public Receipt submit(Submission submission, String actor) {
        List<FieldProblem> problems = new ArrayList<>(validator.validate(submission));
        List<CheckedFile> files = attachmentChecker.check(submission.attachments(), problems);
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems);
        }
        refuseReplay(submission.idempotencyKey());
        return create(submission, files, actor);
    }

    /** A submission mixing several kinds becomes one case per kind (Law on Citizen Reception Art. 25). */
    @Transactional
    public List<Receipt> submitSplit(Submission submission, Set<CaseKind> kinds, String actor) {
        if (kinds == null || kinds.isEmpty() || kinds.contains(null)) {
            throw new SubmissionRejectedException(new FieldProblem("kind", "case.kind.unknown"));
        }
        List<Receipt> receipts = new ArrayList<>();
        for (CaseKind kind : kinds.stream().sorted().toList()) {
            receipts.add(submit(submission.withKind(kind), actor));
        }
        return receipts;
    }

    private void refuseReplay(String idempotencyKey) {
        if (idempotencyKey != null) {
            cases.codeForIdempotencyKey(idempotencyKey).ifPresent(code -> {
                throw new SubmissionRejectedException(new FieldProblem("idempotencyKey", "case.idempotency.replayed", code));
            });
        }
    }

    private Receipt create(Submission s, List<CheckedFile> files, String actor) {
        OrgUnit unit = units.find(s.unitCode()).orElseThrow();
        Instant receivedAt = s.receivedAt() == null ? Instant.now() : s.receivedAt();
        String code = codes.newTrackingCode(s.kind());
        String pin = codes.newPin();
        boolean denunciation = s.kind() == CaseKind.DENUNCIATION;
        boolean keepIdentity = !denunciation && !s.anonymous();
        long caseId;
        try {
            caseId = cases.insert(new CaseRepository.NewCase(code, codes.pinHash(code, pin), s.kind(), s.channel(),
                    unit.code(), s.title().trim(), s.content().trim(), keepIdentity ? trim(s.citizenName()) : null,
                    keepIdentity ? trim(s.citizenAddress()) : null, keepIdentity ? trim(s.citizenContact()) : null,
                    s.anonymous() || (!denunciation && trim(s.citizenName()) == null), s.remoteArea(), receivedAt,
                    s.round(), s.parentCaseId(), s.sourceRef(), s.idempotencyKey()));
        } catch (DuplicateKeyException e) {
            // two identical requests raced past refuseReplay; the other one won
            refuseReplay(s.idempotencyKey());
            throw e;
        }
        if (denunciation) {
            vault.store(caseId, new IdentityVault.DenouncerIdentity(trim(s.citizenName()), trim(s.citizenAddress()),
                    trim(s.citizenContact())));
        }
        files.forEach(f -> attachments.add(caseId, f, actor));
        ProcessInstance instance = runtimeService.createMessageCorrelation(SUBMITTED).processInstanceBusinessKey(code)
                .setVariables(variables(caseId, code, s, unit, receivedAt)).correlateStartMessage();
        cases.linkProcess(caseId, instance.getId());
        CitizenCase created = cases.find(caseId).orElseThrow();
        return new Receipt(code, pin, s.kind(), unit.name(), receivedAt, created.nextDeadline());
    }

    private Map<String, Object> variables(long caseId, String code, Submission s, OrgUnit unit, Instant receivedAt) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseId", caseId);
        v.put("caseCode", code);
        v.put("kind", s.kind().name());
        // shown at the top of every task form: officers read Vietnamese in Tasklist
        v.put("kindLabel", messages.getMessage(s.kind().messageKey(), null, VI));
        v.put("unitCode", unit.code());
        v.put("unitName", unit.name());
        v.put("title", s.title().trim());
        v.put("content", s.content().trim());
        v.put("receivedAt", Date.from(receivedAt));
        v.put("round", s.round());
        v.put("remoteArea", s.remoteArea());
        return v;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
