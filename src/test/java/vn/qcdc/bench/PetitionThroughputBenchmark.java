package vn.qcdc.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.qcdc.QcdcApplication;
import vn.qcdc.cases.CaseRepository;

/**
 * Petitions accepted per second through the JSON API, next to the bare engine starting a one-task
 * process on the same database, in the same run; prints both and their ratio (goal: at least 0.5).
 * <p>
 * The load comes from wrk, a separate lean process, as a real client would be: the JDK's HttpClient in
 * this JVM costs about a millisecond of CPU a request on the same two cores, a quarter of what a
 * submission costs the server. Its figure is printed too, with the HTTP floor (empty submissions the
 * API refuses). Each figure is the median of alternating rounds; the server's CPU per operation is
 * printed beside the bare engine's, a ratio that the machine's noise moves less.
 * <p>
 * A submission commits the case and the job that starts its process; the job executor routes it. So
 * the benchmark measures acceptance with the job executor paused, then how fast the job executor
 * routes that backlog, then both at once as in production.
 * Not part of the suite: run it with src/bench/petition-throughput.sh (H2 and PostgreSQL).
 */
@SpringBootTest(classes = QcdcApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qcdc.demo.cases=false", "logging.level.vn.qcdc.web.RequestLog=warn",
                "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles({"demo", "test"})
class PetitionThroughputBenchmark {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int COUNT = Integer.getInteger("bench.count", 2000);
    static final int WARM_UP = Integer.getInteger("bench.warmup", 2000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int WRK_SECONDS = Integer.getInteger("bench.wrk-seconds", 4);

    static final String PETITION = """
            {"kind":"PETITION","unitCode":"hg-vithanh-p1","title":"Đèn đường hư",
             "content":"Đèn đường hẻm 5 hư đã hai tuần.","citizenName":"Nguyễn Văn A","citizenContact":"0900000000"}""";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    CaseRepository cases;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void petitionsPerSecondAgainstTheBareEngine() throws Exception {
        repositoryService.createDeployment().name("benchmark").addModelInstance("bench-one-task.bpmn",
                Bpmn.createExecutableProcess("bench-one-task").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("work").endEvent().done()).deploy();
        URI api = URI.create("http://localhost:" + port + "/api/public/cases");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(THREADS)).build();
        AtomicInteger failures = new AtomicInteger();
        Load bare = Load.calls(() -> runtimeService.startProcessInstanceByKey("bench-one-task"));
        Load jdkPetitions = Load.calls(() -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(api).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(PETITION)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                failures.incrementAndGet();
            }
        });
        // the HTTP floor: the same endpoint refusing an empty submission (400), with nothing to write
        Load refused = Load.calls(() -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(api).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"PETITION\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 400) {
                failures.incrementAndGet();
            }
        });
        Wrk wrk = Wrk.find(api, PETITION, THREADS, this::caseCount);
        Load petitions = wrk == null ? jdkPetitions : wrk;

        for (Load load : List.of(bare, refused, jdkPetitions, petitions)) {
            load.run(WARM_UP);
        }
        awaitRouted();

        // 1. acceptance against the bare engine, alternating rounds (the machine is shared and noisy);
        //    the job executor is paused, so each side measures only its own work
        jobExecutor().shutdown();
        Figures bareFigures = new Figures();
        Figures acceptedFigures = new Figures();
        Figures jdkFigures = new Figures();
        Figures refusedFigures = new Figures();
        for (int round = 0; round < ROUNDS; round++) {
            bareFigures.add(bare.measure(COUNT));
            acceptedFigures.add(petitions.measure(COUNT));
            if (wrk != null) {
                jdkFigures.add(jdkPetitions.measure(COUNT));
            }
            refusedFigures.add(refused.measure(COUNT));
        }
        // 2. the job executor starts and routes the backlog: the engine's own capacity for new cases
        long backlog = cases.countAwaitingProcess();
        double routingCpu = Load.cpuMs();
        long start = System.nanoTime();
        jobExecutor().start();
        awaitRouted();
        double routedRate = backlog / ((System.nanoTime() - start) / 1e9);
        double routingCpuEach = (Load.cpuMs() - routingCpu) / backlog;
        // 3. as in production: petitions keep arriving while the job executor routes them
        long before = caseCount();
        start = System.nanoTime();
        double acceptedWhileRouting = petitions.measure(COUNT).perSecond();
        long backlogAtEnd = cases.countAwaitingProcess();
        awaitRouted();
        double endToEnd = (caseCount() - before) / ((System.nanoTime() - start) / 1e9);

        double bareRate = bareFigures.medianRate();
        double acceptedRate = acceptedFigures.medianRate();
        System.out.printf("%nBENCHMARK petition throughput (%s, %d threads/connections, median of %d rounds)%n",
                System.getProperty("spring.datasource.url", "H2 in memory"), THREADS, ROUNDS);
        System.out.printf("BENCHMARK bare engine startProcessInstanceByKey(one task): %8.1f /s %s, CPU %.2f ms each%n",
                bareRate, bareFigures.rates(), bareFigures.medianCpuMs());
        System.out.printf("BENCHMARK petitions accepted through POST /api/public/cases (%s): %8.1f /s %s, server CPU %.2f ms each%n",
                wrk == null ? "JDK HttpClient in this JVM: wrk not installed" : "wrk, a separate process",
                acceptedRate, acceptedFigures.rates(), acceptedFigures.medianCpuMs());
        System.out.printf("BENCHMARK ratio API / bare engine: %.2f (goal >= 0.50); CPU per operation, bare / API: %.2f%n",
                acceptedRate / bareRate, bareFigures.medianCpuMs() / acceptedFigures.medianCpuMs());
        if (wrk != null) {
            System.out.printf("BENCHMARK the same through the JDK HttpClient in this JVM (its CPU on the same cores): %8.1f /s %s"
                    + " (ratio %.2f)%n", jdkFigures.medianRate(), jdkFigures.rates(), jdkFigures.medianRate() / bareRate);
        }
        System.out.printf("BENCHMARK HTTP floor, empty submissions refused (400, nothing written; JDK HttpClient): %8.1f /s %s"
                + " (ratio %.2f)%n", refusedFigures.medianRate(), refusedFigures.rates(), refusedFigures.medianRate() / bareRate);
        System.out.printf("BENCHMARK backlog of %d cases routed by the job executor: %8.1f /s (ratio %.2f), CPU %.2f ms each%n",
                backlog, routedRate, routedRate / bareRate, routingCpuEach);
        System.out.printf("BENCHMARK accepted while the job executor routes: %8.1f /s (ratio %.2f), %d waiting at the end,"
                + " all routed at %.1f /s (ratio %.2f)%n", acceptedWhileRouting, acceptedWhileRouting / bareRate,
                backlogAtEnd, endToEnd, endToEnd / bareRate);
        System.out.printf("BENCHMARK requests answered otherwise than expected: %d%n%n",
                failures.get() + (wrk == null ? 0 : wrk.failures()));
    }

    private long caseCount() {
        return jdbc.queryForObject("select count(*) from citizen_case", Long.class);
    }

    private org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
    }

    /** Until the job executor has started the case process of every accepted case. */
    private void awaitRouted() throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (cases.countAwaitingProcess() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cases still waiting for their process after 10 minutes");
            }
            Thread.sleep(50);
        }
    }

    /** One measured run: operations per second, and this JVM's CPU time per operation. */
    record Measure(double perSecond, double cpuMsEach) {
    }

    /** The rounds of one kind of load. */
    static final class Figures {
        private final List<Measure> measures = new ArrayList<>();

        void add(Measure m) {
            measures.add(m);
        }

        double medianRate() {
            return median(measures.stream().map(Measure::perSecond).toList());
        }

        double medianCpuMs() {
            return median(measures.stream().map(Measure::cpuMsEach).toList());
        }

        String rates() {
            return measures.stream().map(m -> String.format("%.0f", m.perSecond())).toList().toString();
        }

        private static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    /** A load the benchmark can put on the system. */
    interface Load {
        /** Runs about {@code count} operations; their rate and the CPU this JVM spent on each. */
        Measure measure(int count) throws Exception;

        default void run(int count) throws Exception {
            measure(count);
        }

        static double cpuMs() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e6;
        }

        /** {@code count} calls of the action from {@link #THREADS} threads of this JVM. */
        static Load calls(ThrowingAction action) {
            return count -> {
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                try {
                    double cpu = cpuMs();
                    long start = System.nanoTime();
                    List<Future<Void>> futures = new ArrayList<>();
                    Callable<Void> call = () -> {
                        action.run();
                        return null;
                    };
                    for (int i = 0; i < count; i++) {
                        futures.add(pool.submit(call));
                    }
                    for (Future<Void> f : futures) {
                        f.get();
                    }
                    return new Measure(count / ((System.nanoTime() - start) / 1e9), (cpuMs() - cpu) / count);
                } finally {
                    pool.shutdown();
                }
            };
        }
    }

    interface ThrowingAction {
        void run() throws Exception;
    }
}
