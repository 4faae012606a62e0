package vn.qcdc.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfig {

    @Bean
    Clock clock(@Value("${qcdc.time-zone}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }
}
