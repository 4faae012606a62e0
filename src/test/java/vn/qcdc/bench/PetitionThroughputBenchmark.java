package vn.qcdc.bench;

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
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.qcdc.QcdcApplication;
import vn.qcdc.petitions.CaseRepository;

/**
 * Petitions accepted per second through the JSON API, next to the bare engine starting a one-task
 * process on the same database, in the same run; prints both and their ratio (goal: at least 0.5).
 * A submission commits the case and the job that starts its process; the job executor routes it. So
 * the benchmark measures acceptance with the job executor paused, then how fast the job executor
 * routes that backlog, then both at once as in production, and prints every figure.
 * Not part of the suite: run it with src/bench/petition-throughput.sh (H2 and PostgreSQL).
 */
@SpringBootTest(classes = QcdcApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qcdc.demo.cases=false", "logging.level.vn.qcdc.web.RequestLog=warn",
                "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles({"demo", "test"})
class PetitionThroughputBenchmark {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int COUNT = Integer.getInteger("bench.count", 2000);
    static final int WARM_UP = Integer.getInteger("bench.warmup", 1000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

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

    @Test
    void petitionsPerSecondAgainstTheBareEngine() throws Exception {
        repositoryService.createDeployment().name("benchmark").addModelInstance("bench-one-task.bpmn",
                Bpmn.createExecutableProcess("bench-one-task").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("work").endEvent().done()).deploy();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(THREADS)).build();
        AtomicInteger failures = new AtomicInteger();
        Callable<Void> bare = () -> {
            runtimeService.startProcessInstanceByKey("bench-one-task");
            return null;
        };
        Callable<Void> petition = () -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/cases"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"kind":"PETITION","unitCode":"hg-vithanh-p1","title":"Đèn đường hư",
                             "content":"Đèn đường hẻm 5 hư đã hai tuần.","citizenName":"Nguyễn Văn A","citizenContact":"0900000000"}
                            """)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                failures.incrementAndGet();
            }
            return null;
        };
        // the HTTP floor: the same endpoint refusing an empty submission (400), with nothing to write
        Callable<Void> refused = () -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/cases"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"PETITION\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 400) {
                failures.incrementAndGet();
            }
            return null;
        };
        run(bare, WARM_UP);
        run(refused, WARM_UP);
        run(petition, WARM_UP);
        awaitRouted();

        // 1. acceptance against the bare engine, alternating rounds (the machine is shared and noisy);
        //    the job executor is paused, so each side measures only its own work
        jobExecutor().shutdown();
        List<Double> bareRates = new ArrayList<>();
        List<Double> acceptedRates = new ArrayList<>();
        List<Double> refusedRates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            bareRates.add(run(bare, COUNT));
            refusedRates.add(run(refused, COUNT));
            acceptedRates.add(run(petition, COUNT));
        }
        // 2. the job executor starts and routes the backlog: the engine's own capacity for new cases
        long backlog = cases.countAwaitingProcess();
        long start = System.nanoTime();
        jobExecutor().start();
        awaitRouted();
        double routedRate = backlog / ((System.nanoTime() - start) / 1e9);
        // 3. as in production: petitions keep arriving while the job executor routes them
        start = System.nanoTime();
        double acceptedWhileRouting = run(petition, COUNT);
        long backlogAtEnd = cases.countAwaitingProcess();
        awaitRouted();
        double endToEnd = COUNT / ((System.nanoTime() - start) / 1e9);

        double bareRate = median(bareRates);
        double acceptedRate = median(acceptedRates);
        System.out.printf("%nBENCHMARK petition throughput (%s, %d threads, %d per run, median of %d rounds)%n",
                System.getProperty("spring.datasource.url", "H2 in memory"), THREADS, COUNT, ROUNDS);
        System.out.printf("BENCHMARK bare engine startProcessInstanceByKey(one task): %8.1f /s %s%n", bareRate, rounded(bareRates));
        System.out.printf("BENCHMARK petitions accepted through POST /api/public/cases: %8.1f /s %s (failures: %d)%n",
                acceptedRate, rounded(acceptedRates), failures.get());
        System.out.printf("BENCHMARK ratio API / bare engine: %.2f (goal >= 0.50)%n", acceptedRate / bareRate);
        double refusedRate = median(refusedRates);
        System.out.printf("BENCHMARK HTTP floor, empty submissions refused (400, nothing written): %8.1f /s %s (ratio %.2f)%n",
                refusedRate, rounded(refusedRates), refusedRate / bareRate);
        System.out.printf("BENCHMARK backlog of %d cases routed by the job executor: %8.1f /s (ratio %.2f)%n",
                backlog, routedRate, routedRate / bareRate);
        System.out.printf("BENCHMARK accepted while the job executor routes: %8.1f /s (ratio %.2f), %d waiting at the end,"
                + " all routed at %.1f /s (ratio %.2f)%n%n", acceptedWhileRouting, acceptedWhileRouting / bareRate,
                backlogAtEnd, endToEnd, endToEnd / bareRate);
    }

    private org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
    }

    /** Until the job executor has started the case process of every accepted case. */
    private void awaitRouted() throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (cases.countAwaitingProcess() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cases still waiting for their process after 10 minutes");
            }
            Thread.sleep(10);
        }
    }

    private static double run(Callable<Void> action, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(action));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
