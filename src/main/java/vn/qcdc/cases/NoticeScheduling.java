package vn.qcdc.cases;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Retries of citizens' notices every {@code qcdc.notify.retry-every}; off in tests, which run the sender themselves. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "qcdc.notify.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class NoticeScheduling {
}
