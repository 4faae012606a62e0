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

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.qcdc.QcdcApplication;

/**
 * Petitions accepted per second through the JSON API, next to the bare engine starting a one-task
 * process on the same database, in the same run; prints both and their ratio (goal: at least 0.5).
 * Not part of the suite: run it with src/bench/petition-throughput.sh (H2 and PostgreSQL).
 */
@SpringBootTest(classes = QcdcApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qcdc.demo.cases=false", "logging.level.vn.qcdc.web.RequestLog=warn"})
@ActiveProfiles({"demo", "test"})
class PetitionThroughputBenchmark {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int COUNT = Integer.getInteger("bench.count", 2000);
    static final int WARM_UP = Integer.getInteger("bench.warmup", 300);

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;

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
        run(bare, WARM_UP);
        run(petition, WARM_UP);
        double bareRate = run(bare, COUNT);
        double apiRate = run(petition, COUNT);
        System.out.printf("%nBENCHMARK petition throughput (%s, %d threads, %d each)%n",
                System.getProperty("spring.datasource.url", "H2 in memory"), THREADS, COUNT);
        System.out.printf("BENCHMARK bare engine startProcessInstanceByKey(one task): %8.1f /s%n", bareRate);
        System.out.printf("BENCHMARK petitions accepted through POST /api/public/cases: %8.1f /s (failures: %d)%n",
                apiRate, failures.get());
        System.out.printf("BENCHMARK ratio API / bare engine: %.2f (goal >= 0.50)%n%n", apiRate / bareRate);
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
