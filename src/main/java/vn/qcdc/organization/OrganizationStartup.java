package vn.qcdc.organization;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, loads the 2018 Hậu Giang tree into an empty database; in every profile,
 * makes sure each active unit has its role groups (a new role, or a tree restored from backup).
 */
@Component
@Order(30)
class OrganizationStartup implements ApplicationRunner {

    static final String SEED = "seed/organization/hau-giang-2018.csv";

    private final OrgUnitRepository units;
    private final ReorganizationService reorganizations;
    private final UnitGroups unitGroups;
    private final boolean demo;
    private final Clock clock;

    OrganizationStartup(OrgUnitRepository units, ReorganizationService reorganizations, UnitGroups unitGroups,
            @Value("${qcdc.demo.enabled:false}") boolean demo, Clock clock) {
        this.units = units;
        this.reorganizations = reorganizations;
        this.unitGroups = unitGroups;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (demo && units.count() == 0) {
            try (Reader reader = new InputStreamReader(new ClassPathResource(SEED).getInputStream(), StandardCharsets.UTF_8)) {
                reorganizations.apply(reader, SEED, "system");
            }
        }
        unitGroups.ensureFor(units.findActiveOn(LocalDate.now(clock)));
    }
}
