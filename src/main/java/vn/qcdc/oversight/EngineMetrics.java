package vn.qcdc.oversight;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's state for Prometheus: open and overdue tasks, running cases, incidents, failed jobs,
 * and the engine's own activity counters. Counted when scraped, never on a request path.
 */
@Component
class EngineMetrics implements MeterBinder {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    EngineMetrics(TaskService taskService, RuntimeService runtimeService, ManagementService managementService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("qcdc.engine.tasks.open", taskService, t -> t.createTaskQuery().count())
                .description("Open user tasks").register(registry);
        Gauge.builder("qcdc.engine.tasks.overdue", taskService,
                        t -> t.createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).count())
                .description("Open user tasks past their statutory due date").register(registry);
        Gauge.builder("qcdc.engine.process.instances.running", runtimeService,
                        r -> r.createProcessInstanceQuery().active().count())
                .description("Running process instances").register(registry);
        Gauge.builder("qcdc.engine.incidents", runtimeService, r -> r.createIncidentQuery().count())
                .description("Open incidents").register(registry);
        Gauge.builder("qcdc.engine.jobs.failed", managementService, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Jobs that ran out of retries").register(registry);
        for (String metric : new String[] {Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START,
                Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.EXECUTED_DECISION_ELEMENTS}) {
            FunctionCounter.builder("qcdc.engine.meter." + metric, managementService,
                            m -> m.createMetricsQuery().name(metric).sum())
                    .description("Camunda engine metric " + metric).register(registry);
        }
    }
}
