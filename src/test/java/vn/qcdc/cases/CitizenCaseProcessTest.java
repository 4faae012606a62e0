package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.qcdc.rules.DeadlineService;
import vn.qcdc.support.CaseProcessStartOnCommit;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.ProcessTest;
import vn.qcdc.platform.Refusal;

/**
 * Every path of the citizen-case, complaint, denunciation and petition processes, with the real
 * engine, the rules table and the engine clock. The coverage report is under target/process-test-coverage.
 */
@ProcessTest
class CitizenCaseProcessTest {

    static final java.time.ZoneId VN = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    CaseNotes notes;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    DeadlineService deadlines;
    @Autowired
    CitizenActions actions;
    @Autowired
    CaseProcessStartOnCommit caseProcessStart;
    @Autowired
    ConclusionPublications publications;
    @Autowired
    IdentityVault vault;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- intake and classification -------------------------------------------------------------

    @Test
    void aPetitionIsClassifiedAcknowledgedAndAnswered() {
        Receipt r = file(CaseKind.PETITION, DemoUsers.COMMUNE_A, Instant.now(), false);
        Task classify = task(r, "classify-case");
        assertThat(groups(classify)).containsExactly(DemoUsers.COMMUNE_A + ":reception-officer");
        assertThat(classify.getDueDate()).isEqualTo(deadlines.due("petition.respond", Date.from(received(r))));
        assertThat(r.nextDeadline()).as("the receipt comes before the case process routes the case").isNull();
        assertThat(cases.findByCode(r.trackingCode()).orElseThrow().nextDeadline()).isEqualTo(classify.getDueDate().toInstant());

        complete(r, "classify-case", "competent", true);
        complete(r, "acknowledge-petition", "classification", "accepted", "acknowledgement", "Đã tiếp nhận, đang xử lý");
        assertThat(notes.publicOf(caseOf(r).id())).extracting(CaseNotes.Note::text).contains("Đã tiếp nhận, đang xử lý");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.VERIFYING);
        complete(r, "handle-petition", "answer", "Đã sửa đèn đường");

        CitizenCase done = caseOf(r);
        assertThat(done.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(done.decisionText()).isEqualTo("Đã sửa đèn đường");
        assertThat(running(r)).isFalse();
    }

    @Test
    void aRefusedPetitionIsClosedWithTheReason() {
        Receipt r = file(CaseKind.PETITION, DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(r, "classify-case", "competent", true);
        complete(r, "acknowledge-petition", "classification", "refused", "acknowledgement", "Nội dung không rõ ràng");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(running(r)).isFalse();
    }

    @Test
    void anonymousInformationIsCheckedAsAPetitionNeverAsADenunciation() {
        Receipt r = intake.submit(Submission.of(CaseKind.ANONYMOUS_INFO, Channel.SUGGESTION_BOX, DemoUsers.COMMUNE_B,
                "Thông tin nặc danh", "Có sai phạm ở công trình", null, null, null, true, null, null), "test");
        complete(r, "classify-case", "competent", true);
        assertThat(task(r, "acknowledge-petition")).isNotNull();
        assertThat(caseOf(r).citizenName()).isNull();
    }

    @Test
    void aCaseOutsideTheUnitsCompetenceIsForwardedAndTheCitizenTold() {
        Receipt r = file(CaseKind.PETITION, DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(r, "classify-case", "competent", false, "forwardUnitCode", DemoUsers.COMMUNE_B);
        Task again = task(r, "classify-case");
        assertThat(groups(again)).containsExactly(DemoUsers.COMMUNE_B + ":reception-officer");
        assertThat(caseOf(r).unitCode()).isEqualTo(DemoUsers.COMMUNE_B);
        assertThat(notes.publicOf(caseOf(r).id())).extracting(CaseNotes.Note::text)
                .anyMatch(t -> t.contains("Cây Dương"));
    }

    @Test
    void forwardingToAnUnknownUnitIsRefusedAndChangesNothing() {
        Receipt r = file(CaseKind.PETITION, DemoUsers.COMMUNE_A, Instant.now(), false);
        String taskId = task(r, "classify-case").getId();
        assertThatThrownBy(() -> taskService.complete(taskId, vars("competent", false, "forwardUnitCode", "no-such-unit")))
                .isInstanceOf(vn.qcdc.platform.EngineRefusal.class)
                .extracting(e -> ((vn.qcdc.platform.EngineRefusal) e).messageKey()).isEqualTo("case.forward.invalid");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(caseOf(r).unitCode()).isEqualTo(DemoUsers.COMMUNE_A);
    }

    @Test
    void anOverdueClassificationRaisesAnEscalationForTheUnitsSupervisors() {
        Receipt r = file(CaseKind.PETITION, DemoUsers.COMMUNE_B, Instant.now(), false);
        fireTimerOf(r, "classify-case");
        Task followUp = task(r, "follow-up-overdue");
        assertThat(groups(followUp)).containsExactly(DemoUsers.COMMUNE_B + ":supervisor");
        // it says which step is late, by how much, who holds it, and where the board is; it has a due date of its own
        Task late = task(r, "classify-case");
        assertThat(followUp.getDescription()).contains("«" + late.getName() + "»",
                "nhóm Cán bộ tiếp công dân (chưa ai nhận)", "/oversight?q=" + r.trackingCode())
                .containsPattern("quá hạn (từ hôm nay|1 ngày làm việc) \\(hạn "
                        + dueDay(late).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + "\\)");
        assertThat(taskService.getVariableLocal(followUp.getId(), "followUpSummary")).isEqualTo(followUp.getDescription());
        assertThat(dueDay(followUp)).isEqualTo(deadlines.dueDay("oversight.follow-up",
                ClockUtil.getCurrentTime().toInstant().atZone(VN).toLocalDate()));
        taskService.complete(followUp.getId(), vars("followUpNote", "Đề nghị phân loại ngay trong ngày"));
        assertThat(task(r, "classify-case")).as("the overdue task stays open").isNotNull();
        // what the supervisor wrote reaches the officer: on the late task and on the case page
        assertThat(taskService.getTaskComments(late.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("Đôn đốc: Đề nghị phân loại ngay trong ngày");
        assertThat(notes.of(caseOf(r).id())).anySatisfy(n -> {
            assertThat(n.visibility()).isEqualTo(CaseNotes.Visibility.SUPERVISION);
            assertThat(n.text()).contains("Đề nghị phân loại ngay trong ngày", late.getName());
        });
    }

    // ---- complaints --------------------------------------------------------------------------

    @Test
    void aComplaintRefusedOnAStatutoryGround() {
        Receipt r = complaint(DemoUsers.COMMUNE_A, Instant.now(), false);
        Task accept = task(r, "accept-complaint");
        assertThat(groups(accept)).containsExactly(DemoUsers.COMMUNE_A + ":unit-head");
        complete(r, "accept-complaint", "accepted", false, "refusalGround", "Thời hiệu khiếu nại đã hết");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(notes.publicOf(caseOf(r).id())).extracting(CaseNotes.Note::text)
                .contains("Không thụ lý: Thời hiệu khiếu nại đã hết");
        assertThat(running(r)).isFalse();
    }

    @Test
    void aSimpleComplaintIsVerifiedDecidedSignedAndSent() {
        Receipt r = complaint(DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(r, "accept-complaint", "accepted", true);
        Task verify = task(r, "verify-complaint");
        Date acceptedAt = (Date) runtimeService.getVariable(verify.getProcessInstanceId(), "acceptedAt");
        assertThat(verify.getDueDate()).isEqualTo(deadlines.due("complaint.resolve.first", acceptedAt));
        assertThat(caseOf(r).statutoryDeadline()).isEqualTo(verify.getDueDate().toInstant());
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.VERIFYING);

        complete(r, "verify-complaint", "findings", "Đúng như đơn", "demandMatchesFindings", true, "proposeComplex", false);
        complete(r, "draft-decision", "decisionDraft", "Chấp nhận khiếu nại");
        complete(r, "sign-decision", "approved", true);
        Task send = task(r, "send-decision");
        Date signedAt = (Date) runtimeService.getVariable(send.getProcessInstanceId(), "signedAt");
        assertThat(send.getDueDate()).isEqualTo(deadlines.due("complaint.decision-send", signedAt));
        // sending has its own deadline; the case's statutory deadline stays the resolution's, both shown
        assertThat(caseOf(r).statutoryDeadline()).isEqualTo(verify.getDueDate().toInstant());
        assertThat(caseOf(r).nextDeadline()).isEqualTo(send.getDueDate().toInstant());
        assertThat(caseOf(r).decisionText()).as("not public before it is sent").isNull();
        complete(r, "send-decision", "sentVia", "post");

        CitizenCase decided = caseOf(r);
        assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(decided.decisionText()).isEqualTo("Chấp nhận khiếu nại");
        assertThat(running(r)).isFalse();
    }

    @Test
    void aComplexComplaintGetsTheLongerDeadlineAndADialogueWhenFindingsDiffer() {
        Receipt r = complaint(DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(r, "accept-complaint", "accepted", true);
        complete(r, "verify-complaint", "findings", "Phức tạp", "demandMatchesFindings", false, "proposeComplex", true);
        complete(r, "decide-complexity", "complexConfirmed", true);
        Task verify = task(r, "verify-complaint");
        Date acceptedAt = (Date) runtimeService.getVariable(verify.getProcessInstanceId(), "acceptedAt");
        assertThat(verify.getDueDate()).isEqualTo(deadlines.due("complaint.resolve.first.complex", acceptedAt));

        complete(r, "verify-complaint", "findings", "Khác yêu cầu", "demandMatchesFindings", false, "proposeComplex", true);
        Task dialogue = task(r, "hold-dialogue");
        assertThat(groups(dialogue)).containsExactly(DemoUsers.COMMUNE_A + ":handling-officer");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.DIALOGUE);
        complete(r, "hold-dialogue", "dialogueDate", "2026-12-01T09:00", "dialogueMinutes", "Biên bản", "citizenNotified", true);
        complete(r, "draft-decision", "decisionDraft", "Bản 1");
        complete(r, "sign-decision", "approved", false, "returnNote", "Bổ sung căn cứ");
        complete(r, "draft-decision", "decisionDraft", "Bản 2");
        complete(r, "sign-decision", "approved", true);
        complete(r, "send-decision", "sentVia", "in-person");
        assertThat(caseOf(r).decisionText()).isEqualTo("Bản 2");
    }

    @Test
    void aRemoteComplaintThatIsNotComplexGetsTheRemoteDeadline() {
        Receipt r = complaint(DemoUsers.COMMUNE_B, Instant.now(), true);
        complete(r, "accept-complaint", "accepted", true);
        complete(r, "verify-complaint", "findings", "x", "demandMatchesFindings", true, "proposeComplex", true);
        complete(r, "decide-complexity", "complexConfirmed", false);
        Task verify = task(r, "verify-complaint");
        Date acceptedAt = (Date) runtimeService.getVariable(verify.getProcessInstanceId(), "acceptedAt");
        assertThat(verify.getDueDate()).isEqualTo(deadlines.due("complaint.resolve.first.remote", acceptedAt));
        complete(r, "verify-complaint", "findings", "x", "demandMatchesFindings", true, "proposeComplex", true);
        assertThat(task(r, "draft-decision")).as("complexity is decided once").isNotNull();
    }

    @Test
    void aSecondTimeComplaintGoesToTheNextLevelWithItsOwnClockAndAMandatoryDialogue() {
        Receipt first = complaint(DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(first, "accept-complaint", "accepted", true);
        complete(first, "verify-complaint", "findings", "x", "demandMatchesFindings", true, "proposeComplex", false);
        complete(first, "draft-decision", "decisionDraft", "Bác khiếu nại");
        complete(first, "sign-decision", "approved", true);
        complete(first, "send-decision", "sentVia", "post");

        Receipt second = actions.escalate(first.trackingCode(), first.pin(), "127.0.0.1");
        CitizenCase c2 = caseOf(second);
        assertThat(c2.round()).isEqualTo(2);
        assertThat(c2.parentCaseId()).isEqualTo(caseOf(first).id());
        assertThat(c2.unitCode()).as("the next level up").isEqualTo("hg-vithanh");
        Task accept = task(second, "accept-complaint");
        assertThat(groups(accept)).containsExactly("hg-vithanh:unit-head");
        complete(second, "accept-complaint", "accepted", true);
        Task verify = task(second, "verify-complaint");
        Date acceptedAt = (Date) runtimeService.getVariable(verify.getProcessInstanceId(), "acceptedAt");
        assertThat(verify.getDueDate()).isEqualTo(deadlines.due("complaint.resolve.second", acceptedAt));
        complete(second, "verify-complaint", "findings", "x", "demandMatchesFindings", true, "proposeComplex", false);
        assertThat(task(second, "hold-dialogue")).as("dialogue is mandatory the second time").isNotNull();

        assertThatThrownBy(() -> actions.escalate(second.trackingCode(), second.pin(), "127.0.0.1"))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void theSecondTimeWindowClosesThirtyDaysAfterTheDecision() {
        Receipt first = complaint(DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(first, "accept-complaint", "accepted", false, "refusalGround", "Khác");
        assertThatThrownBy(() -> actions.escalate(first.trackingCode(), first.pin(), "127.0.0.1"))
                .as("a refused complaint has no decision to escalate from").isInstanceOf(Refusal.class);
    }

    @Test
    void aComplaintWithdrawnDuringVerificationIsClosed() {
        Receipt r = complaint(DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(r, "accept-complaint", "accepted", true);
        actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(running(r)).isFalse();
    }

    @Test
    void aCaseWithdrawnWhileBeingClassifiedIsClosed() {
        Receipt r = file(CaseKind.PETITION, DemoUsers.COMMUNE_A, Instant.now(), false);
        actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(running(r)).isFalse();
        assertThatThrownBy(() -> actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1")).isInstanceOf(Refusal.class);
    }

    @Test
    void aDenunciationWithdrawnWhileBeingClassifiedGoesOnWhenThereAreSignsOfViolation() {
        Receipt r = file(CaseKind.DENUNCIATION, DemoUsers.COMMUNE_A, Instant.now(), false);
        actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1");
        assertThat(groups(task(r, "decide-continuation"))).containsExactly(DemoUsers.COMMUNE_A + ":handling-officer");
        complete(r, "decide-continuation", "continueHandling", true, "continuationGrounds", grounds("violation-signs"),
                "continuationNote", "Có dấu hiệu");
        assertThat(task(r, "classify-case")).as("classification resumes").isNotNull();
        assertThat(caseOf(r).status()).isNotEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    void aDenunciationWithdrawnWhileBeingClassifiedWithoutSignsOfViolationEnds() {
        Receipt r = file(CaseKind.DENUNCIATION, DemoUsers.COMMUNE_A, Instant.now(), false);
        actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1");
        complete(r, "decide-continuation", "continueHandling", false, "continuationNote", "Không có");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(running(r)).isFalse();
    }

    @Test
    void aDenunciationWithdrawnBeforeItsProcessStartsStillReachesTheHandlingOfficer() {
        Receipt[] r = new Receipt[1];
        CaseProcessStartOnCommit.held(() -> {
            r[0] = file(CaseKind.DENUNCIATION, DemoUsers.COMMUNE_A, Instant.now(), false);
            actions.withdraw(r[0].trackingCode(), r[0].pin(), "127.0.0.1");
        });
        assertThat(running(r[0])).isFalse();
        caseProcessStart.startPendingCaseProcesses();
        assertThat(task(r[0], "decide-continuation")).isNotNull();
    }

    @Test
    void aPetitionWithdrawnAfterAcknowledgementIsClosed() {
        Receipt r = file(CaseKind.PETITION, DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(r, "classify-case", "competent", true);
        complete(r, "acknowledge-petition", "classification", "needs-time", "acknowledgement", "Cần thêm thời gian");
        actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(running(r)).isFalse();
    }

    @Test
    void everyComplaintStepHasItsDeadlineAndEscalatesWhenMissed() {
        Receipt r = complaint(DemoUsers.COMMUNE_B, Instant.now(), false);
        fireTimerOf(r, "accept-complaint");
        assertThat(groups(task(r, "follow-up-overdue"))).containsExactly(DemoUsers.COMMUNE_B + ":supervisor");
        complete(r, "accept-complaint", "accepted", true);
        for (String step : List.of("verify-complaint")) {
            fireTimerOf(r, step);
        }
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(r.trackingCode())
                .taskDefinitionKey("follow-up-overdue").count()).isEqualTo(2);
        assertThat(caseOf(r).statutoryDeadline()).isBefore(ClockUtil.getCurrentTime().toInstant());
    }

    @Test
    void theRuleInForceOnTheDayOfReceiptSetsTheAcceptanceDeadline() {
        Instant before = ZonedDateTime.of(2026, 6, 30, 10, 0, 0, 0, VN).toInstant();
        Instant after = ZonedDateTime.of(2026, 7, 1, 10, 0, 0, 0, VN).toInstant();
        Receipt oldRule = complaint(DemoUsers.COMMUNE_A, before, false);
        Receipt newRule = complaint(DemoUsers.COMMUNE_A, after, false);
        complete(oldRule, "classify-case", "competent", true);
        complete(newRule, "classify-case", "competent", true);
        assertThat(dueDay(task(oldRule, "accept-complaint"))).isEqualTo(LocalDate.of(2026, 7, 14));
        assertThat(dueDay(task(newRule, "accept-complaint"))).isEqualTo(LocalDate.of(2026, 7, 10));
    }

    // ---- denunciations -----------------------------------------------------------------------

    @Test
    void aDenunciationThatDoesNotQualifyIsRefused() {
        Receipt r = denunciation(false);
        complete(r, "initial-handling", "accepted", false, "refusalReason", "Không đủ căn cứ");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(running(r)).isFalse();
    }

    @Test
    void aDenunciationIsVerifiedWithExtensionsNeverPastNinetyDaysAndConcluded() {
        Receipt r = denunciation(false);
        complete(r, "initial-handling", "accepted", true);
        complete(r, "approve-acceptance", "approved", false, "returnNote", "Bổ sung");
        complete(r, "initial-handling", "accepted", true);
        complete(r, "approve-acceptance", "approved", true);
        Task verify = task(r, "verify-denunciation");
        Date acceptedAt = (Date) runtimeService.getVariable(verify.getProcessInstanceId(), "acceptedAt");
        assertThat(verify.getDueDate()).isEqualTo(deadlines.due("denunciation.resolve", acceptedAt));

        complete(r, "verify-denunciation", "findings", "x", "requestExtension", true, "especiallyComplex", true);
        complete(r, "decide-extension", "extensionApproved", false);
        complete(r, "verify-denunciation", "findings", "x", "requestExtension", true, "especiallyComplex", true);
        complete(r, "decide-extension", "extensionApproved", true);
        complete(r, "verify-denunciation", "findings", "x", "requestExtension", true, "especiallyComplex", true);
        complete(r, "decide-extension", "extensionApproved", true);
        Instant cap = deadlines.dueInstant("denunciation.maximum", acceptedAt.toInstant());
        assertThat(task(r, "verify-denunciation").getDueDate().toInstant()).isBeforeOrEqualTo(cap);
        assertThat(runtimeService.getVariable(verify.getProcessInstanceId(), "extensions")).isEqualTo(2);

        complete(r, "verify-denunciation", "findings", "x", "requestExtension", true, "especiallyComplex", true);
        assertThat(task(r, "draft-conclusion")).as("no third extension").isNotNull();
        complete(r, "draft-conclusion", "decisionDraft", "Tố cáo đúng một phần");
        complete(r, "sign-conclusion", "approved", false, "returnNote", "Sửa");
        complete(r, "draft-conclusion", "decisionDraft", "Tố cáo đúng");
        complete(r, "sign-conclusion", "approved", true);
        Task send = task(r, "send-conclusion");
        Date signedAt = (Date) runtimeService.getVariable(send.getProcessInstanceId(), "signedAt");
        assertThat(send.getDueDate()).isEqualTo(deadlines.due("denunciation.conclusion-send", signedAt));
        complete(r, "send-conclusion", "sentVia", "post");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(caseOf(r).decisionText()).isEqualTo("Tố cáo đúng");
    }

    @Test
    void aDenunciationNeedingSeveralSitesGetsTenWorkingDays() {
        Receipt r = denunciation(true);
        Task initial = task(r, "initial-handling");
        assertThat(initial.getDueDate()).isEqualTo(deadlines.due("denunciation.initial.multi-site", Date.from(received(r))));
    }

    @Test
    void aWithdrawnDenunciationGoesOnWhenThereAreSignsOfViolation() {
        Receipt r = denunciation(false);
        complete(r, "initial-handling", "accepted", true);
        complete(r, "approve-acceptance", "approved", true);
        actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1");
        complete(r, "decide-continuation", "continueHandling", true, "continuationGrounds", grounds("violation-signs"),
                "continuationNote", "Có dấu hiệu");
        assertThat(task(r, "verify-denunciation")).isNotNull();
        assertThat(caseOf(r).status()).isNotEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    void aWithdrawnDenunciationWithoutSignsOfViolationEnds() {
        Receipt r = denunciation(false);
        complete(r, "initial-handling", "accepted", true);
        complete(r, "approve-acceptance", "approved", true);
        actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1");
        complete(r, "decide-continuation", "continueHandling", false, "continuationNote", "Không có");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(running(r)).isFalse();
    }

    @Test
    void everyDenunciationStepEscalatesWhenMissed() {
        Receipt r = denunciation(false);
        fireTimerOf(r, "initial-handling");
        complete(r, "initial-handling", "accepted", true);
        fireTimerOf(r, "approve-acceptance");
        complete(r, "approve-acceptance", "approved", true);
        fireTimerOf(r, "verify-denunciation");
        complete(r, "verify-denunciation", "findings", "x", "requestExtension", true, "especiallyComplex", false);
        fireTimerOf(r, "decide-extension");
        complete(r, "decide-extension", "extensionApproved", false);
        complete(r, "verify-denunciation", "findings", "x", "requestExtension", false, "especiallyComplex", false);
        fireTimerOf(r, "draft-conclusion");
        complete(r, "draft-conclusion", "decisionDraft", "Kết luận");
        fireTimerOf(r, "sign-conclusion");
        complete(r, "sign-conclusion", "approved", true);
        fireTimerOf(r, "send-conclusion");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(r.trackingCode())
                .taskDefinitionKey("follow-up-overdue").count()).isEqualTo(7);
        taskService.createTaskQuery().processInstanceBusinessKey(r.trackingCode()).taskDefinitionKey("follow-up-overdue")
                .list().forEach(t -> taskService.complete(t.getId(), vars("followUpNote", "Đã đôn đốc")));
        complete(r, "send-conclusion", "sentVia", "email");
        assertThat(running(r)).as("the notice of acceptance and the publication are still open").isTrue();
        complete(r, "notify-acceptance", "noticeVia", "post", "accusedNotified", true);
        complete(r, "publish-conclusion-portal", "publishedText", "Kết luận: tố cáo đúng một phần.");
        assertThat(running(r)).isFalse();
    }

    @Test
    void everyRemainingComplaintAndPetitionStepEscalatesWhenMissed() {
        Receipt c = complaint(DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(c, "accept-complaint", "accepted", true);
        complete(c, "verify-complaint", "findings", "x", "demandMatchesFindings", false, "proposeComplex", true);
        fireTimerOf(c, "decide-complexity");
        complete(c, "decide-complexity", "complexConfirmed", false);
        complete(c, "verify-complaint", "findings", "x", "demandMatchesFindings", false, "proposeComplex", false);
        fireTimerOf(c, "hold-dialogue");
        complete(c, "hold-dialogue", "dialogueDate", "2026-12-01T09:00", "dialogueMinutes", "Biên bản", "citizenNotified", true);
        fireTimerOf(c, "draft-decision");
        complete(c, "draft-decision", "decisionDraft", "Quyết định");
        fireTimerOf(c, "sign-decision");
        complete(c, "sign-decision", "approved", true);
        fireTimerOf(c, "send-decision");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(c.trackingCode())
                .taskDefinitionKey("follow-up-overdue").count()).isEqualTo(5);

        Receipt p = file(CaseKind.PETITION, DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(p, "classify-case", "competent", true);
        fireTimerOf(p, "acknowledge-petition");
        complete(p, "acknowledge-petition", "classification", "accepted", "acknowledgement", "Đang xử lý");
        fireTimerOf(p, "handle-petition");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(p.trackingCode())
                .taskDefinitionKey("follow-up-overdue").count()).isEqualTo(2);
    }

    // ---- denunciations: notice, publication, further denunciation, withdrawal grounds (issue 15) ---------------

    @Test
    void theAcceptanceNoticeIsDueFiveWorkingDaysAfterTheAcceptanceDecisionAndTheCitizenSeesItSent() {
        // Monday 5 October 2026: five working days later is Monday 12 October
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 10, 5, 9, 0, 0, 0, VN).toInstant()));
        Receipt r = denunciation(false);
        complete(r, "initial-handling", "accepted", true);
        complete(r, "approve-acceptance", "approved", true);
        Task notice = task(r, "notify-acceptance");
        Date acceptedAt = (Date) runtimeService.getVariable(notice.getProcessInstanceId(), "acceptedAt");
        assertThat(notice.getDueDate()).isEqualTo(deadlines.due("denunciation.acceptance-notice", acceptedAt));
        assertThat(dueDay(notice)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(groups(notice)).containsExactly(DemoUsers.COMMUNE_A + ":handling-officer");
        assertThat(caseOf(r).nextStep()).as("the notice runs beside verification").isEqualTo(task(r, "verify-denunciation").getName());

        assertThatThrownBy(() -> taskService.complete(notice.getId(), vars("noticeVia", "post", "accusedNotified", false)))
                .isInstanceOf(vn.qcdc.platform.EngineRefusal.class)
                .extracting(e -> ((vn.qcdc.platform.EngineRefusal) e).messageKey()).isEqualTo("denunciation.notice.accused-required");
        assertThat(task(r, "notify-acceptance")).as("still open").isNotNull();
        complete(r, "notify-acceptance", "noticeVia", "post", "accusedNotified", true);
        assertThat(notes.publicOf(caseOf(r).id())).extracting(CaseNotes.Note::text)
                .anyMatch(t -> t.startsWith("Đã gửi thông báo thụ lý tố cáo cho người tố cáo (qua bưu điện) ngày 05/10/2026"));
        assertThat(task(r, "verify-denunciation")).isNotNull();
    }

    @Test
    void theConclusionIsPublishedWithinSevenWorkingDaysOnThePortalNeverWithTheDenouncer() {
        Receipt r = concludedDenunciation();
        Task publish = task(r, "publish-conclusion-portal");
        Date signedAt = (Date) runtimeService.getVariable(publish.getProcessInstanceId(), "signedAt");
        assertThat(publish.getDueDate()).isEqualTo(deadlines.due("denunciation.conclusion-publish", signedAt));
        assertThat(groups(publish)).containsExactly(DemoUsers.COMMUNE_A + ":unit-head");
        assertThat(caseOf(r).nextStep()).isEqualTo(task(r, "send-conclusion").getName());

        for (String leaking : List.of("Theo đơn của ông nguyễn văn a, ...", "Liên hệ 0900 000 000", "Người tố cáo ở Ấp 1")) {
            assertThatThrownBy(() -> taskService.complete(publish.getId(), vars("publishedText", leaking))).as(leaking)
                    .isInstanceOf(vn.qcdc.platform.EngineRefusal.class)
                    .extracting(e -> ((vn.qcdc.platform.EngineRefusal) e).messageKey()).isEqualTo("denunciation.publish.identity");
        }
        assertThat(publications.recent(1000)).noneMatch(p -> p.text().contains("0900"));
        complete(r, "publish-conclusion-portal", "publishedText", "Kết luận: nội dung tố cáo đúng một phần; đã xử lý kỷ luật.");
        assertThat(publications.recent(1000)).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("Kết luận: nội dung tố cáo đúng một phần; đã xử lý kỷ luật.");
            assertThat(p.unitCode()).isEqualTo(DemoUsers.COMMUNE_A);
            assertThat(p.concludedAt()).isEqualTo(signedAt.toInstant());
        });
        assertThat(running(r)).isTrue();
        complete(r, "send-conclusion", "sentVia", "post");
        assertThat(caseOf(r).status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(running(r)).as("the notice of acceptance is still open").isTrue();
        complete(r, "notify-acceptance", "noticeVia", "email", "accusedNotified", true);
        assertThat(running(r)).isFalse();
    }

    @Test
    void aFurtherDenunciationAgainstTheConclusionReachesTheSuperiorWhichAsksTheResolverToReport() {
        Receipt first = concludedDenunciation();
        complete(first, "send-conclusion", "sentVia", "post");
        assertThatThrownBy(() -> actions.furtherDenounce(first.trackingCode(), first.pin(), "  ", "127.0.0.1"))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).messageKey())
                .isEqualTo("tracking.further.reasons-required");
        assertThatThrownBy(() -> actions.furtherDenounce(first.trackingCode(), "000000".equals(first.pin()) ? "111111" : "000000",
                "Kết luận không đúng", "127.0.0.9")).isInstanceOf(Refusal.class);
        assertThat(cases.hasFollowUpCase(caseOf(first).id())).as("a wrong PIN files nothing").isFalse();

        Receipt further = actions.furtherDenounce(first.trackingCode(), first.pin(), "Kết luận bỏ sót chứng cứ", "127.0.0.1");
        CitizenCase c = caseOf(further);
        assertThat(c.kind()).isEqualTo(CaseKind.DENUNCIATION);
        assertThat(c.round()).isEqualTo(2);
        assertThat(c.parentCaseId()).isEqualTo(caseOf(first).id());
        assertThat(c.unitCode()).as("the superior unit").isEqualTo("hg-vithanh");
        assertThat(c.citizenName()).as("the identity stays in the vault").isNull();
        assertThat(vault.holds(c.id())).isTrue();
        assertThatThrownBy(() -> actions.furtherDenounce(first.trackingCode(), first.pin(), "Lần nữa", "127.0.0.1"))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).messageKey()).isEqualTo("tracking.further.closed");

        Task request = task(further, "request-resolver-report");
        assertThat(groups(request)).containsExactly("hg-vithanh:handling-officer");
        assertThat(request.getDueDate()).isEqualTo(deadlines.due("denunciation.further.request", Date.from(c.receivedAt())));
        assertThat(runtimeService.getVariable(request.getProcessInstanceId(), "firstConclusion")).isEqualTo("Tố cáo đúng");
        complete(further, "request-resolver-report", "reportRequest", "Đề nghị báo cáo việc giải quyết");
        Task report = task(further, "submit-resolver-report");
        assertThat(groups(report)).as("the unit that resolved it").containsExactly(DemoUsers.COMMUNE_A + ":unit-head");
        Date requestedAt = (Date) runtimeService.getVariable(report.getProcessInstanceId(), "requestedAt");
        assertThat(report.getDueDate()).isEqualTo(deadlines.due("denunciation.further.report", requestedAt));
        complete(further, "submit-resolver-report", "resolverReport", "Đã giải quyết đúng quy định");
        Task review = task(further, "review-further-denunciation");
        assertThat(groups(review)).containsExactly("hg-vithanh:unit-head");
        complete(further, "review-further-denunciation", "furtherAccepted", true);
        assertThat(groups(task(further, "verify-denunciation"))).containsExactly("hg-vithanh:handling-officer");
        assertThat(task(further, "notify-acceptance")).isNotNull();
        assertThat(caseOf(further).status()).isEqualTo(CaseStatus.VERIFYING);
        assertThat(notes.publicOf(caseOf(first).id())).extracting(CaseNotes.Note::text)
                .anyMatch(t -> t.contains(further.trackingCode()));
    }

    @Test
    void aFurtherDenunciationWhenTheDeadlinePassedWithoutAConclusionMayBeRefusedByTheSuperior() {
        Receipt first = denunciation(false);
        complete(first, "initial-handling", "accepted", true);
        complete(first, "approve-acceptance", "approved", true);
        assertThatThrownBy(() -> actions.furtherDenounce(first.trackingCode(), first.pin(), "Quá hạn", "127.0.0.1"))
                .as("not overdue yet").isInstanceOf(Refusal.class);
        ClockUtil.setCurrentTime(Date.from(caseOf(first).statutoryDeadline().plus(Duration.ofHours(1))));
        Receipt further = actions.furtherDenounce(first.trackingCode(), first.pin(), "Quá hạn chưa giải quyết", "127.0.0.1");
        Task request = task(further, "request-resolver-report");
        assertThat((String) runtimeService.getVariable(request.getProcessInstanceId(), "firstConclusion"))
                .startsWith("Chưa có kết luận: đã quá thời hạn giải quyết");
        complete(further, "request-resolver-report", "reportRequest", "Đề nghị báo cáo");
        complete(further, "submit-resolver-report", "resolverReport", "Đang xác minh");
        complete(further, "review-further-denunciation", "furtherAccepted", false, "refusalReason", "Đã có kết luận đúng pháp luật");
        assertThat(caseOf(further).status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(notes.publicOf(caseOf(further).id())).extracting(CaseNotes.Note::text)
                .contains("Không thụ lý: Đã có kết luận đúng pháp luật");
        assertThat(running(further)).isFalse();
    }

    @Test
    void everyNewDenunciationStepEscalatesWhenMissed() {
        Receipt first = concludedDenunciation();
        fireTimerOf(first, "publish-conclusion-portal");
        fireTimerOf(first, "notify-acceptance");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(first.trackingCode())
                .taskDefinitionKey("follow-up-overdue").count()).isEqualTo(2);
        complete(first, "send-conclusion", "sentVia", "post");
        Receipt further = actions.furtherDenounce(first.trackingCode(), first.pin(), "Không đúng", "127.0.0.1");
        fireTimerOf(further, "request-resolver-report");
        complete(further, "request-resolver-report", "reportRequest", "Báo cáo");
        fireTimerOf(further, "submit-resolver-report");
        complete(further, "submit-resolver-report", "resolverReport", "Báo cáo");
        fireTimerOf(further, "review-further-denunciation");
        List<Task> followUps = taskService.createTaskQuery().processInstanceBusinessKey(further.trackingCode())
                .taskDefinitionKey("follow-up-overdue").list();
        assertThat(followUps).hasSize(3).allSatisfy(t -> assertThat(groups(t)).containsExactly("hg-vithanh:supervisor"));
    }

    @Test
    void aWithdrawalUnderCoercionDoesNotStopTheDenunciationAndTheFileKeepsTheGround() {
        Receipt r = denunciation(false);
        complete(r, "initial-handling", "accepted", true);
        complete(r, "approve-acceptance", "approved", true);
        actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1");
        String decide = task(r, "decide-continuation").getId();
        assertThatThrownBy(() -> taskService.complete(decide, vars("continueHandling", true, "continuationNote", "x")))
                .isInstanceOf(vn.qcdc.platform.EngineRefusal.class)
                .extracting(e -> ((vn.qcdc.platform.EngineRefusal) e).messageKey()).isEqualTo("denunciation.continuation.grounds-required");
        assertThatThrownBy(() -> taskService.complete(decide, vars("continueHandling", false, "continuationGrounds",
                grounds("coerced"), "continuationNote", "x"))).isInstanceOf(vn.qcdc.platform.EngineRefusal.class)
                .extracting(e -> ((vn.qcdc.platform.EngineRefusal) e).messageKey())
                .isEqualTo("denunciation.continuation.grounds-without-continuing");
        assertThatThrownBy(() -> taskService.complete(decide, vars("continueHandling", true, "continuationGrounds",
                grounds("tired"), "continuationNote", "x"))).isInstanceOf(vn.qcdc.platform.EngineRefusal.class);
        assertThat(cases.continuationGrounds(caseOf(r).id())).as("nothing recorded by a refused completion").isEmpty();

        complete(r, "decide-continuation", "continueHandling", true, "continuationGrounds", grounds("coerced"),
                "continuationNote", "Người tố cáo bị đe dọa");
        assertThat(task(r, "verify-denunciation")).isNotNull();
        assertThat(caseOf(r).status()).isNotEqualTo(CaseStatus.WITHDRAWN);
        assertThat(cases.continuationGrounds(caseOf(r).id())).contains("coerced");
        assertThat(notes.of(caseOf(r).id())).anySatisfy(n -> {
            assertThat(n.visibility()).isEqualTo(CaseNotes.Visibility.INTERNAL);
            assertThat(n.text()).contains("bị đe dọa, mua chuộc, ép buộc");
        });
    }

    @Test
    void aDenunciationWithdrawnWhileBeingClassifiedRecordsBothGrounds() {
        Receipt r = file(CaseKind.DENUNCIATION, DemoUsers.COMMUNE_A, Instant.now(), false);
        actions.withdraw(r.trackingCode(), r.pin(), "127.0.0.1");
        complete(r, "decide-continuation", "continueHandling", true, "continuationGrounds",
                grounds("coerced", "violation-signs"), "continuationNote", "Cả hai");
        assertThat(cases.continuationGrounds(caseOf(r).id())).contains("violation-signs,coerced");
        assertThat(task(r, "classify-case")).isNotNull();
    }

    /** A denunciation accepted, verified and signed: its sending and its publication are open. */
    private Receipt concludedDenunciation() {
        Receipt r = denunciation(false);
        complete(r, "initial-handling", "accepted", true);
        complete(r, "approve-acceptance", "approved", true);
        complete(r, "verify-denunciation", "findings", "x", "requestExtension", false, "especiallyComplex", false);
        complete(r, "draft-conclusion", "decisionDraft", "Tố cáo đúng");
        complete(r, "sign-conclusion", "approved", true);
        return r;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Receipt file(CaseKind kind, String unit, Instant receivedAt, boolean remote) {
        return intake.submit(new Submission(kind, Channel.IN_PERSON, unit, "Đơn thử", "Nội dung đơn", "Nguyễn Văn A",
                "Ấp 1", "0900000000", false, remote, List.of(), null, receivedAt, 1, null, null), "test");
    }

    private Receipt complaint(String unit, Instant receivedAt, boolean remote) {
        Receipt r = file(CaseKind.COMPLAINT, unit, receivedAt, remote);
        if (!receivedAt.isBefore(Instant.now().minus(Duration.ofDays(1)))) {
            complete(r, "classify-case", "competent", true, "remoteArea", remote);
        }
        return r;
    }

    private Receipt denunciation(boolean multiSite) {
        Receipt r = file(CaseKind.DENUNCIATION, DemoUsers.COMMUNE_A, Instant.now(), false);
        complete(r, "classify-case", "competent", true, "multiSite", multiSite);
        return r;
    }

    private CitizenCase caseOf(Receipt r) {
        return cases.findByCode(r.trackingCode()).orElseThrow();
    }

    private Instant received(Receipt r) {
        return r.receivedAt();
    }

    private boolean running(Receipt r) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(r.trackingCode()).count() > 0;
    }

    private Task task(Receipt r, String key) {
        List<Task> found = taskService.createTaskQuery().processInstanceBusinessKey(r.trackingCode())
                .taskDefinitionKey(key).list();
        assertThat(found).as("open task " + key + " of " + r.trackingCode()).hasSize(1);
        return found.get(0);
    }

    private void complete(Receipt r, String key, Object... keyValues) {
        taskService.complete(task(r, key).getId(), vars(keyValues));
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    /** Moves the engine clock past the task's due date and runs its deadline timer. */
    private void fireTimerOf(Receipt r, String key) {
        Task t = task(r, key);
        Job timer = managementService.createJobQuery().processInstanceId(t.getProcessInstanceId()).timers()
                .activityId(key + "-overdue").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(t.getDueDate());
        ClockUtil.setCurrentTime(Date.from(t.getDueDate().toInstant().plus(Duration.ofMinutes(1))));
        managementService.executeJob(timer.getId());
    }

    /** A form-js checklist's value as Tasklist submits it: a Json array. */
    private static Object grounds(String... codes) {
        return org.camunda.spin.plugin.variable.SpinValues.jsonValue("[" + String.join(",",
                java.util.Arrays.stream(codes).map(c -> "\"" + c + "\"").toList()) + "]").create();
    }

    private static LocalDate dueDay(Task t) {
        return t.getDueDate().toInstant().atZone(VN).toLocalDate();
    }

    private static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
