package vn.qcdc.support;

import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Chromium and its driver for the browser tests: installed here where the build may (root with
 * apt-get, as on these machines); otherwise the browser tests are skipped with the command that installs
 * them, unless {@code QCDC_BROWSER_TESTS_REQUIRED} is set (CI), where a missing browser fails the build.
 */
final class BrowserInstall {

    static final String INSTALL = "sudo apt-get install -y chromium chromium-driver";
    private static final Logger log = LoggerFactory.getLogger(BrowserInstall.class);
    private static Boolean ready;

    private BrowserInstall() {
    }

    static synchronized void ensure(String chromium, String chromedriver) {
        if (ready == null) {
            ready = present(chromium, chromedriver) || (install() && present(chromium, chromedriver));
            if (!ready) {
                log.warn("Browser tests need Debian's Chromium and ChromeDriver ({}, {}): {}", chromium, chromedriver,
                        INSTALL);
            }
        }
        if (!ready) {
            String message = "Chromium or ChromeDriver missing; install them with: " + INSTALL;
            if (System.getenv("QCDC_BROWSER_TESTS_REQUIRED") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
    }

    private static boolean present(String chromium, String chromedriver) {
        return new File(chromium).canExecute() && new File(chromedriver).canExecute();
    }

    private static boolean install() {
        if (!"root".equals(System.getProperty("user.name")) || !new File("/usr/bin/apt-get").canExecute()) {
            return false;
        }
        log.info("Installing Debian's chromium and chromium-driver for the browser tests");
        return run(List.of("apt-get", "install", "-y", "chromium", "chromium-driver"))
                || run(List.of("apt-get", "update")) && run(List.of("apt-get", "install", "-y", "chromium", "chromium-driver"));
    }

    private static boolean run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            return process.waitFor(10, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
