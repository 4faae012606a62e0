package vn.qcdc.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POSTs one JSON body over and over with wrk (Debian package {@code wrk}), a load generator in a
 * process of its own, for {@link PetitionThroughputBenchmark#WRK_SECONDS} seconds a run. The rate
 * counts what the system accepted (rows it committed), not what wrk sent.
 */
final class Wrk implements PetitionThroughputBenchmark.Load {

    private static final Pattern SENT = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)\\b");
    private static final Pattern NOT_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path executable;
    private final Path script;
    private final URI target;
    private final int connections;
    private final LongSupplier accepted;
    private long failures;

    private Wrk(Path executable, Path script, URI target, int connections, LongSupplier accepted) {
        this.executable = executable;
        this.script = script;
        this.target = target;
        this.connections = connections;
        this.accepted = accepted;
    }

    /** wrk posting {@code jsonBody} to {@code target}, or null when wrk is not installed. */
    static Wrk find(URI target, String jsonBody, int connections, LongSupplier accepted) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                Path script = Files.createTempFile("qcdc-bench-", ".lua");
                script.toFile().deleteOnExit();
                Files.writeString(script, "wrk.method = \"POST\"\n"
                        + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                        + "wrk.body = [==[" + jsonBody + "]==]\n", StandardCharsets.UTF_8);
                return new Wrk(candidate, script, target, connections, accepted);
            }
        }
        return null;
    }

    long failures() {
        return failures;
    }

    @Override
    public PetitionThroughputBenchmark.Measure measure(int ignoredCount) throws Exception {
        long before = accepted.getAsLong();
        double cpu = PetitionThroughputBenchmark.Load.cpuMs();
        Process wrk = new ProcessBuilder(executable.toString(), "-t", Integer.toString(Math.min(2, connections)),
                "-c", Integer.toString(connections), "-d", PetitionThroughputBenchmark.WRK_SECONDS + "s",
                "-s", script.toString(), target.toString()).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(5, TimeUnit.MINUTES) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        double cpuMs = PetitionThroughputBenchmark.Load.cpuMs() - cpu;
        long done = accepted.getAsLong() - before;
        failures += count(NOT_2XX, output);
        Matcher errors = SOCKET_ERRORS.matcher(output);
        if (errors.find()) {
            for (int i = 1; i <= 4; i++) {
                failures += Long.parseLong(errors.group(i));
            }
        }
        Matcher sent = SENT.matcher(output);
        if (!sent.find() || done == 0) {
            throw new IllegalStateException("wrk sent nothing the system accepted: " + output);
        }
        double seconds = Double.parseDouble(sent.group(2)) * switch (sent.group(3)) {
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "m" -> 60;
            default -> 1;
        };
        return new PetitionThroughputBenchmark.Measure(done / seconds, cpuMs / done);
    }

    private static long count(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
