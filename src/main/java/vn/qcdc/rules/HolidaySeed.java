package vn.qcdc.rules;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the shipped calendar (public holidays, swapped days off, make-up working days) once, into an empty calendar;
 * admins keep it up to date after that. Corrections to the shipped file reach an existing calendar by a migration.
 */
@Component
@Order(20)
class HolidaySeed implements ApplicationRunner {

    static final String SOURCE = "seed/holidays/vn-public-holidays.csv";

    private final HolidayRepository holidays;

    HolidaySeed(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (holidays.count() > 0) {
            return;
        }
        try (Reader reader = new InputStreamReader(new ClassPathResource(SOURCE).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                holidays.insert(new Holiday(LocalDate.parse(r.get("date")), Holiday.Kind.valueOf(r.get("kind")),
                        r.get("name_vi"), r.get("name_en"), Boolean.parseBoolean(r.get("active"))));
            }
        }
    }
}
