package vn.qcdc.oversight;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's state for Prometheus: open and overdue tasks, running cases, incidents, failed jobs,
 * and the engine's own activity counters. The counts grow with the open work, so they are taken in
 * the background every {@code qcdc.metrics.engine-refresh} and a scrape only reads the last ones.
 */
@Component
class EngineMetrics implements MeterBinder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EngineMetrics.class);

    private final Map<String, Supplier<Double>> counts = new LinkedHashMap<>();
    private final Map<String, Double> lastCounts = new ConcurrentHashMap<>();
    private final Duration refresh;
    private final ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "engine-metrics");
        thread.setDaemon(true);
        return thread;
    });

    EngineMetrics(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
            @Value("${qcdc.metrics.engine-refresh:30s}") Duration refresh) {
        this.refresh = refresh;
        counts.put("qcdc.engine.tasks.open", () -> (double) taskService.createTaskQuery().count());
        counts.put("qcdc.engine.tasks.overdue",
                () -> (double) taskService.createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).count());
        counts.put("qcdc.engine.process.instances.running",
                () -> (double) runtimeService.createProcessInstanceQuery().active().count());
        counts.put("qcdc.engine.incidents", () -> (double) runtimeService.createIncidentQuery().count());
        counts.put("qcdc.engine.jobs.failed", () -> (double) managementService.createJobQuery().noRetriesLeft().count());
        for (String metric : new String[] {Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START,
                Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.EXECUTED_DECISION_ELEMENTS}) {
            counts.put("qcdc.engine.meter." + metric, () -> (double) managementService.createMetricsQuery().name(metric).sum());
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "qcdc.engine.tasks.open", "Open user tasks");
        gauge(registry, "qcdc.engine.tasks.overdue", "Open user tasks past their statutory due date");
        gauge(registry, "qcdc.engine.process.instances.running", "Running process instances");
        gauge(registry, "qcdc.engine.incidents", "Open incidents");
        gauge(registry, "qcdc.engine.jobs.failed", "Jobs that ran out of retries");
        counts.keySet().stream().filter(name -> name.startsWith("qcdc.engine.meter.")).forEach(name ->
                FunctionCounter.builder(name, lastCounts, last -> last.getOrDefault(name, 0.0))
                        .description("Camunda engine metric " + name.substring("qcdc.engine.meter.".length()))
                        .register(registry));
    }

    private void gauge(MeterRegistry registry, String name, String description) {
        Gauge.builder(name, lastCounts, last -> last.getOrDefault(name, Double.NaN)).description(description)
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startCounting() {
        counter.scheduleWithFixedDelay(this::countNow, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    void countNow() {
        counts.forEach((name, count) -> {
            try {
                lastCounts.put(name, count.get());
            } catch (RuntimeException e) {
                log.warn("engine metric {} not counted: {}", name, e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        counter.shutdownNow();
    }
}
