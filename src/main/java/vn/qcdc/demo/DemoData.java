package vn.qcdc.demo;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Role;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.petitions.PetitionStarter;

/** Demo users (every role, two communes of two districts) and a few open cases; demo profile only. */
@Component
@Order(60)
@ConditionalOnProperty(name = "qcdc.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String USERS = "seed/demo/users.csv";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identityService;
    private final OrgUnitRepository units;
    private final PetitionStarter petitions;
    private final String password;

    DemoData(IdentityService identityService, OrgUnitRepository units, PetitionStarter petitions,
            @Value("${qcdc.demo.password}") String password) {
        this.identityService = identityService;
        this.units = units;
        this.petitions = petitions;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (identityService.createUserQuery().userId("tiepdan.p1").count() > 0) {
            return;
        }
        try (Reader reader = new InputStreamReader(new ClassPathResource(USERS).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                createUser(r);
            }
        }
        Instant now = Instant.now();
        startCase("hg-vithanh-p1", "Đèn chiếu sáng hẻm 5 không hoạt động",
                "Đèn đường hẻm 5 khu vực 1 hư đã hai tuần, đề nghị sửa chữa.", now.minus(2, ChronoUnit.DAYS));
        startCase("hg-vithanh-p1", "Đề nghị nạo vét cống thoát nước",
                "Cống thoát nước đường Trần Hưng Đạo bị nghẹt, ngập khi mưa.", now.minus(20, ChronoUnit.DAYS));
        startCase("hg-phunghiep-cayduong", "Phản ánh tiếng ồn cơ sở xay xát",
                "Cơ sở xay xát lúa hoạt động ban đêm gây ồn ấp Mỹ Lợi.", now.minus(1, ChronoUnit.DAYS));
        startCase("hg-phunghiep-cayduong", "Kiến nghị công khai dự toán làm đường",
                "Đề nghị niêm yết công khai dự toán tuyến đường liên ấp.", now.minus(5, ChronoUnit.DAYS));
        log.info("Đã tạo dữ liệu mẫu: người dùng demo và 4 hồ sơ kiến nghị.");
    }

    private void createUser(CSVRecord r) {
        User user = identityService.newUser(r.get("id"));
        user.setFirstName(r.get("first_name"));
        user.setLastName(r.get("last_name"));
        user.setEmail(r.get("email"));
        user.setPassword(password);
        identityService.saveUser(user);
        List<String> unitCodes = r.get("units").isBlank() ? List.of() : List.of(r.get("units").split(";"));
        for (String roleId : r.get("roles").split(";")) {
            Role role = Role.ofGroupId(roleId).orElseThrow(() -> new IllegalStateException("unknown role " + roleId));
            identityService.createMembership(user.getId(), role.groupId());
            if (role == Role.ADMIN) {
                identityService.createMembership(user.getId(), "camunda-admin");
            }
            if (role.unitScoped()) {
                unitCodes.forEach(unit -> identityService.createMembership(user.getId(), role.groupOf(unit)));
            }
        }
    }

    private void startCase(String unitCode, String title, String content, Instant receivedAt) {
        units.find(unitCode).ifPresent(unit -> petitions.start(unit, title, content, receivedAt));
    }
}
