package vn.qcdc.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** The one clock and zone of the system; the zone is the property {@code qcdc.time-zone}. */
@Configuration
class ClockConfig {

    static final String ZONE_PROPERTY = "qcdc.time-zone";

    @Bean
    Clock clock(@Value("${" + ZONE_PROPERTY + "}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }

    /**
     * Makes the configured zone the JVM's default as soon as the configuration is read, before any bean exists:
     * the engine and JDBC read and write timestamps in the JVM's zone (registered in META-INF/spring.factories).
     */
    static final class JvmZone implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(environment.getRequiredProperty(ZONE_PROPERTY))));
        }
    }
}
