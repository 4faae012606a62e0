package vn.qcdc.oversight;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

    /** One engine figure: a gauge of the present state, or a counter of the engine's running totals. */
    private record Count(String name, String description, boolean counter, Supplier<Double> value) {
    }

    private final List<Count> counts = new ArrayList<>();
    private final Map<String, Double> lastCounts = new ConcurrentHashMap<>();
    private final Duration refresh;
    private final ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "engine-metrics");
        thread.setDaemon(true);
        return thread;
    });

    EngineMetrics(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
            @Value("${qcdc.metrics.engine-refresh:30s}") Duration refresh, Clock clock) {
        this.refresh = refresh;
        gauge("qcdc.engine.tasks.open", "Open user tasks", () -> taskService.createTaskQuery().count());
        gauge("qcdc.engine.tasks.overdue", "Open user tasks past their statutory due date",
                () -> taskService.createTaskQuery().dueBefore(Date.from(clock.instant())).count());
        gauge("qcdc.engine.process.instances.running", "Running process instances",
                () -> runtimeService.createProcessInstanceQuery().active().count());
        gauge("qcdc.engine.incidents", "Open incidents", () -> runtimeService.createIncidentQuery().count());
        gauge("qcdc.engine.jobs.failed", "Jobs that ran out of retries",
                () -> managementService.createJobQuery().noRetriesLeft().count());
        for (String metric : new String[] {Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START,
                Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.EXECUTED_DECISION_ELEMENTS}) {
            counts.add(new Count("qcdc.engine.meter." + metric, "Camunda engine metric " + metric, true,
                    () -> (double) managementService.createMetricsQuery().name(metric).sum()));
        }
    }

    private void gauge(String name, String description, Supplier<Long> value) {
        counts.add(new Count(name, description, false, () -> (double) value.get()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Count count : counts) {
            if (count.counter()) {
                FunctionCounter.builder(count.name(), lastCounts, last -> last.getOrDefault(count.name(), 0.0))
                        .description(count.description()).register(registry);
            } else {
                Gauge.builder(count.name(), lastCounts, last -> last.getOrDefault(count.name(), Double.NaN))
                        .description(count.description()).register(registry);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startCounting() {
        counter.scheduleWithFixedDelay(this::countNow, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    void countNow() {
        for (Count count : counts) {
            try {
                lastCounts.put(count.name(), count.value().get());
            } catch (RuntimeException e) {
                log.warn("engine metric {} not counted: {}", count.name(), e.toString());
            }
        }
    }

    @Override
    public void destroy() {
        counter.shutdownNow();
    }
}
