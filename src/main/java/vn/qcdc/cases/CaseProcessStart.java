package vn.qcdc.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;

/**
 * Starts a received case's process in a job of its own. A submission commits the case row and this
 * job only, so the citizen has the receipt at once, however busy the engine is; the job executor
 * then starts {@value CaseIntake#PROCESS_KEY} with the case file's variables, with the engine's
 * retries and, should it keep failing, an incident in Cockpit under that process.
 */
@Component
class CaseProcessStart extends AbstractProcessEnginePlugin implements JobHandler<CaseProcessStart.CaseRef> {

    static final String TYPE = "qcdc-case-process-start";
    private static final Locale VI = Locale.forLanguageTag("vi");
    static final int CONTENT_SHOWN = 3_800;

    private final CaseRepository cases;
    private final OrgUnitRepository units;
    private final MessageSource messages;
    private final Clock clock;
    private ProcessEngineConfigurationImpl engine;

    // lazy: the repositories' data source is initialised after the engine this plugin configures
    CaseProcessStart(@Lazy CaseRepository cases, @Lazy OrgUnitRepository units, MessageSource messages, Clock clock) {
        this.cases = cases;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    record CaseRef(long caseId) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return Long.toString(caseId);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
                ? new ArrayList<>() : configuration.getCustomJobHandlers();
        handlers.add(this);
        configuration.setCustomJobHandlers(handlers);
        this.engine = configuration;
    }

    /** In the submitter's transaction: the job is committed with the case row, or neither is. */
    void schedule(long caseId) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            MessageEntity job = new MessageEntity();
            job.setJobHandlerType(TYPE);
            job.setJobHandlerConfiguration(new CaseRef(caseId));
            job.setProcessDefinitionKey(CaseIntake.PROCESS_KEY);
            // the definition it will start: a start that keeps failing then counts as that process's
            // incident in Cockpit, not as one of no process at all
            var definition = context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedLatestProcessDefinitionByKey(CaseIntake.PROCESS_KEY);
            job.setProcessDefinitionId(definition.getId());
            job.setDeploymentId(definition.getDeploymentId());
            // the job executor acquires by due date and reads no job without one (ensureJobDueDateNotNull)
            job.setDuedate(Date.from(clock.instant()));
            context.getJobManager().send(job);
            return null;
        });
    }

    /** The cases whose process could not be started: the start job ran out of retries (an incident). */
    java.util.Set<Long> failedStarts() {
        return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            java.util.Set<Long> failed = new java.util.HashSet<>();
            for (var job : engine.getManagementService().createJobQuery().processDefinitionKey(CaseIntake.PROCESS_KEY)
                    .messages().noRetriesLeft().list()) {
                if (job instanceof JobEntity entity && TYPE.equals(entity.getJobHandlerType())) {
                    failed.add(Long.parseLong(entity.getJobHandlerConfigurationRaw()));
                }
            }
            return failed;
        }));
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(CaseRef ref, ExecutionEntity execution, CommandContext context, String tenantId) {
        // the row lock orders this start with a withdrawal arriving at the same moment
        CitizenCase c = cases.lockForProcessStart(ref.caseId()).orElse(null);
        if (c == null || c.closedAt() != null || c.processInstanceId() != null) {
            return;
        }
        ProcessInstance instance = context.runWithoutAuthorization(() -> engine.getRuntimeService()
                .createMessageCorrelation(CaseIntake.SUBMITTED).processInstanceBusinessKey(c.trackingCode())
                .setVariables(variables(c)).correlateStartMessage());
        cases.linkProcess(c.id(), instance.getId());
    }

    private Map<String, Object> variables(CitizenCase c) {
        OrgUnit unit = units.find(c.unitCode()).orElseThrow();
        Map<String, Object> v = new HashMap<>();
        v.put("caseId", c.id());
        v.put("caseCode", c.trackingCode());
        v.put("kind", c.kind().name());
        // shown at the top of every task form: officers read Vietnamese in Tasklist
        v.put("kindLabel", messages.getMessage(c.kind().messageKey(), null, VI));
        v.put("unitCode", unit.code());
        v.put("unitName", unit.name());
        v.put("title", c.title());
        v.put("content", excerpt(c.content()));
        v.put("receivedAt", Date.from(c.receivedAt()));
        v.put("round", c.round());
        v.put("remoteArea", c.remoteArea());
        // a denunciation withdrawn before its process started: the process decides whether it goes on
        v.put("withdrawnOnReceipt", c.withdrawnAt() != null);
        return v;
    }

    /**
     * The forms show the case's text from this variable; the engine's text columns hold 4,000 characters,
     * a citizen may write 10,000, so a longer text is shown up to a note pointing to the case page.
     */
    static String excerpt(String content) {
        if (content.length() <= CONTENT_SHOWN) {
            return content;
        }
        return content.substring(0, CONTENT_SHOWN) + "\n… [Nội dung dài " + content.length()
                + " ký tự: xem toàn văn trên trang hồ sơ]";
    }

    @Override
    public CaseRef newConfiguration(String canonicalString) {
        return new CaseRef(Long.parseLong(canonicalString));
    }

    @Override
    public void onDelete(CaseRef ref, JobEntity job) {
        // nothing to undo: the case row stays, and a new job can be scheduled for it
    }
}
