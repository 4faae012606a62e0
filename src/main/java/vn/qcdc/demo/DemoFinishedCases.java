package vn.qcdc.demo;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.identity.SystemAuthority;

/**
 * Three cases of Phường I worked to their end by the demo officers, one of each kind (a complaint, a denunciation,
 * a petition), so that an auditor finds closed cases with a full history on the first start. Each step is done as
 * its officer would in Tasklist: claimed and completed in their name, through the engine's checks.
 */
@Component
class DemoFinishedCases {

    private static final Logger log = LoggerFactory.getLogger(DemoFinishedCases.class);
    static final String UNIT = "hg-vithanh-p1";

    private record Step(String user, String taskKey, Map<String, Object> variables) {
    }

    private final CaseIntake intake;
    private final ManagementService management;
    private final TaskService tasks;
    private final IdentityService identity;
    private final HistoryService history;
    private final Clock clock;

    DemoFinishedCases(CaseIntake intake, ManagementService management, TaskService tasks, IdentityService identity,
            HistoryService history, Clock clock) {
        this.intake = intake;
        this.management = management;
        this.tasks = tasks;
        this.identity = identity;
        this.history = history;
        this.clock = clock;
    }

    /** Files and finishes the three cases; returns their tracking codes (those that could be finished). */
    List<String> create() {
        List<String> codes = new ArrayList<>();
        finish(CaseKind.COMPLAINT, "Khiếu nại việc cấp giấy phép xây dựng",
                "Tôi không đồng ý với việc từ chối cấp giấy phép sửa nhà.", "Lâm Văn Hòa", 40, List.of(
                        new Step("tiepdan.p1", "classify-case", Map.of("competent", true)),
                        new Step("truong.p1", "accept-complaint", Map.of("accepted", true)),
                        new Step("xuly.p1", "verify-complaint", Map.of("findings", "Hồ sơ xin phép thiếu bản vẽ",
                                "demandMatchesFindings", false, "proposeComplex", false)),
                        new Step("xuly.p1", "hold-dialogue", Map.of("dialogueDate", "2026-11-20T09:00",
                                "dialogueMinutes", "Người khiếu nại đồng ý bổ sung bản vẽ", "citizenNotified", true)),
                        new Step("xuly.p1", "draft-decision", Map.of("decisionDraft", "Giữ nguyên việc từ chối; hướng dẫn bổ sung hồ sơ")),
                        new Step("truong.p1", "sign-decision", Map.of("approved", true)),
                        new Step("tiepdan.p1", "send-decision", Map.of("sentVia", "post"))), codes);
        finish(CaseKind.DENUNCIATION, "Tố cáo việc thu tiền ngoài quy định",
                "Cán bộ phường thu thêm tiền khi chứng thực giấy tờ.", "Người tố cáo mẫu", 45, List.of(
                        new Step("tiepdan.p1", "classify-case", Map.of("competent", true)),
                        new Step("xuly.p1", "initial-handling", Map.of("accepted", true)),
                        new Step("truong.p1", "approve-acceptance", Map.of("approved", true)),
                        new Step("xuly.p1", "notify-acceptance", Map.of("noticeVia", "post", "accusedNotified", true)),
                        new Step("xuly.p1", "verify-denunciation", Map.of("findings", "Có thu thêm 20.000 đồng mỗi hồ sơ",
                                "requestExtension", false)),
                        new Step("xuly.p1", "draft-conclusion", Map.of("decisionDraft", "Tố cáo đúng; kiểm điểm cán bộ, hoàn trả tiền")),
                        new Step("truong.p1", "sign-conclusion", Map.of("approved", true)),
                        new Step("tiepdan.p1", "send-conclusion", Map.of("sentVia", "post")),
                        new Step("truong.p1", "publish-conclusion-portal", Map.of("publishedText",
                                "Kết luận: tố cáo đúng; cán bộ được kiểm điểm, tiền thu thêm được hoàn trả."))), codes);
        finish(CaseKind.PETITION, "Kiến nghị sửa cống thoát nước hẻm 7",
                "Cống thoát nước hẻm 7 bị nghẹt, nước ngập khi mưa.", "Hồ Thị Lan", 15, List.of(
                        new Step("tiepdan.p1", "classify-case", Map.of("competent", true)),
                        new Step("tiepdan.p1", "acknowledge-petition", Map.of("classification", "accepted",
                                "acknowledgement", "Đã tiếp nhận, sẽ khảo sát trong tuần")),
                        new Step("xuly.p1", "handle-petition", Map.of("answer", "Đã nạo vét cống hẻm 7"))), codes);
        log.info("Đã tạo {} hồ sơ mẫu đã giải quyết xong: {}", codes.size(), codes);
        return codes;
    }

    private void finish(CaseKind kind, String title, String content, String citizen, int daysAgo, List<Step> steps,
            List<String> codes) {
        String code = intake.submit(new Submission(kind, Channel.IN_PERSON, UNIT, title, content, citizen, "Khu vực 3",
                "0939 111 222", false, false, List.of(), null, clock.instant().minus(daysAgo, ChronoUnit.DAYS), 1, null,
                null), "demo").trackingCode();
        if (!started(code)) {
            log.warn("Hồ sơ mẫu {}: quy trình chưa bắt đầu, để dở", code);
            return;
        }
        for (Step step : steps) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(step.taskKey())
                    .singleResult();
            if (task == null) {
                log.warn("Hồ sơ mẫu {}: không có việc {}, để dở", code, step.taskKey());
                return;
            }
            as(step.user(), () -> {
                tasks.claim(task.getId(), step.user());
                tasks.complete(task.getId(), step.variables());
            });
        }
        codes.add(code);
    }

    /**
     * Starts the case's process now, as the job executor would: should the executor take the same job at the same
     * moment, the case row's lock lets only one start it, and either way it has started when this returns.
     */
    private boolean started(String code) {
        SystemAuthority.call(identity, () -> {
            for (Job job : management.createJobQuery().processDefinitionKey(CaseIntake.PROCESS_KEY).messages().list()) {
                if (job.getProcessInstanceId() == null) {
                    try {
                        management.executeJob(job.getId());
                    } catch (ProcessEngineException e) {
                        log.debug("job {} taken by the job executor: {}", job.getId(), e.getMessage());
                    }
                }
            }
            return null;
        });
        return SystemAuthority.call(identity, () -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code).count() > 0);
    }

    private void as(String user, Runnable work) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
