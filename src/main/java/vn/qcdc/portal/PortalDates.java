package vn.qcdc.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Dates as Vietnamese readers write them (dd/MM/yyyy HH:mm), in Vietnamese time whatever the server's zone. */
@Component
class PortalDates {

    private final DateTimeFormatter format;

    PortalDates(@Value("${qcdc.time-zone:Asia/Ho_Chi_Minh}") String zone) {
        this.format = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of(zone));
    }

    public String format(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }
}
