package vn.qcdc.oversight;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.qcdc.cases.CaseReceived;
import vn.qcdc.cases.CaseRepository;

/**
 * Cases received per channel, and the intake backlog: cases received whose process the job
 * executor has not started yet. A backlog that keeps growing means the engine cannot keep up.
 */
@Component
class IntakeMetrics implements MeterBinder {

    private final CaseRepository cases;
    private MeterRegistry registry;

    IntakeMetrics(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("qcdc.cases.awaiting.process", cases, CaseRepository::countAwaitingProcess)
                .description("Cases received whose case process has not started yet").register(registry);
    }

    @TransactionalEventListener
    void received(CaseReceived event) {
        if (registry != null) {
            // per channel only: the scrape is public, and a count per kind would tell when a denunciation arrived
            Counter.builder("qcdc.cases.received").description("Cases received, committed")
                    .tag("channel", event.channel().name()).register(registry).increment();
        }
    }
}
