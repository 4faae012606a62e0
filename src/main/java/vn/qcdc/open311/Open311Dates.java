package vn.qcdc.open311;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.qcdc.platform.Refusal;

/** GeoReport datetimes: W3C ISO 8601 with the offset of Vietnamese time (+07:00), to the second. */
@Component
class Open311Dates {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Clock clock;
    private final ZoneId zone;

    Open311Dates(Clock clock) {
        this.clock = clock;
        this.zone = clock.getZone();
    }

    String format(Instant instant) {
        return instant == null ? null
                : instant.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    String day(Instant instant) {
        return instant.atZone(zone).format(SHORT);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * A start_date or end_date: a datetime with offset, or a bare day (its start, or for an end its last
     * moment, in Vietnamese time). A '+' sent unencoded arrives as a space and is read as '+'.
     */
    Instant parse(String parameter, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim().replace(' ', '+');
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant().minusNanos(end ? 1 : 0);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "open311.date.invalid", parameter, value);
        }
    }
}
