package vn.qcdc.web;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the system where to go, and prints the startup benchmark's figures. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final boolean collectGarbage;

    StartupReport(Environment environment, @Value("${qcdc.startup-report.gc:true}") boolean collectGarbage) {
        this.environment = environment;
        this.collectGarbage = collectGarbage;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        if (collectGarbage) {
            System.gc();
        }
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("QCDC-READY readyMs={} heapUsedMb={}", uptimeMs, heapMb);
        log.info("""

                ==============================================================
                  QCDC đã sẵn sàng: http://localhost:{}/
                  Đăng nhập tại http://localhost:{}/login
                  Tài khoản demo: xem bảng "Demo users" trong README.md
                  Sẵn sàng sau {} ms, heap đã dùng {} MB
                ==============================================================""",
                port, port, uptimeMs, heapMb);
    }
}
