package vn.qcdc.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseReceived;

/**
 * The suite runs without the job executor (timers fire only when a test executes them), so this
 * stands in for it where a case is received: once the submission commits, the job starting the case
 * process runs at once, as the job executor would within milliseconds. {@link #held} lets a test see
 * the moment in between.
 */
@TestComponent
public class CaseProcessStartOnCommit {

    private static volatile boolean holding;

    private final ManagementService managementService;
    private final IdentityService identityService;
    private final TransactionTemplate newTransaction;

    CaseProcessStartOnCommit(ManagementService managementService, IdentityService identityService,
            PlatformTransactionManager transactions) {
        this.managementService = managementService;
        this.identityService = identityService;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs {@code work} with case processes left unstarted, as when the job executor is busy. */
    public static void held(Runnable work) {
        holding = true;
        try {
            work.run();
        } finally {
            holding = false;
        }
    }

    @TransactionalEventListener
    void received(CaseReceived event) {
        if (!holding) {
            startPendingCaseProcesses();
        }
    }

    /** Executes every pending job that starts a case process, each in its own transaction. */
    public void startPendingCaseProcesses() {
        SystemAuthority.call(identityService, () -> {
            for (Job job : managementService.createJobQuery().processDefinitionKey(CaseIntake.PROCESS_KEY).messages().list()) {
                if (job.getProcessInstanceId() == null) {
                    newTransaction.executeWithoutResult(tx -> managementService.executeJob(job.getId()));
                }
            }
            return null;
        });
    }
}
