package vn.qcdc.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Dates as Vietnamese readers write them (dd/MM/yyyy HH:mm), in Vietnamese time whatever the server's zone. */
@Component
class PortalDates {

    private final DateTimeFormatter format;

    PortalDates(Clock clock) {
        this.format = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(clock.getZone());
    }

    public String format(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }
}
