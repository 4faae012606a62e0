package vn.qcdc.demo;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;

/** Demo users (every role, two communes of two districts) and a few open cases; demo profile only. */
@Component
@Order(60)
@ConditionalOnProperty(name = "qcdc.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String USERS = "seed/demo/users.csv";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identityService;
    private final CaseIntake intake;
    private final String password;
    private final boolean sampleCases;
    private final Clock clock;
    private final DemoFinishedCases finishedCases;
    private final boolean finished;

    DemoData(IdentityService identityService, CaseIntake intake,
            @Value("${qcdc.demo.password}") String password, @Value("${qcdc.demo.cases:true}") boolean sampleCases,
            Clock clock, DemoFinishedCases finishedCases, @Value("${qcdc.demo.finished-cases:true}") boolean finished) {
        this.finishedCases = finishedCases;
        this.finished = finished;
        this.sampleCases = sampleCases;
        this.identityService = identityService;
        this.intake = intake;
        this.password = password;
        this.clock = clock;
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
        if (!sampleCases) {
            return;
        }
        Instant now = clock.instant();
        startCase(CaseKind.PETITION, "hg-vithanh-p1", "Đèn chiếu sáng hẻm 5 không hoạt động",
                "Đèn đường hẻm 5 khu vực 1 hư đã hai tuần, đề nghị sửa chữa.", "Trần Thị Mai", now.minus(2, ChronoUnit.DAYS));
        startCase(CaseKind.COMPLAINT, "hg-vithanh-p1", "Khiếu nại quyết định thu hồi đất",
                "Tôi không đồng ý với mức bồi thường khi thu hồi đất tại khu vực 2.", "Nguyễn Văn Tư",
                now.minus(20, ChronoUnit.DAYS));
        startCase(CaseKind.DENUNCIATION, "hg-phunghiep-cayduong", "Tố cáo cán bộ địa chính",
                "Cán bộ địa chính thị trấn nhận tiền khi làm thủ tục cấp giấy chứng nhận.", "Lê Văn Năm",
                now.minus(1, ChronoUnit.DAYS));
        startCase(CaseKind.PETITION, "hg-phunghiep-cayduong", "Kiến nghị công khai dự toán làm đường",
                "Đề nghị niêm yết công khai dự toán tuyến đường liên ấp.", null, now.minus(5, ChronoUnit.DAYS));
        // overdue at the district too, so that the supervisors' board of Vị Thanh and of the province is populated
        startCase(CaseKind.PETITION, "hg-vithanh", "Kiến nghị nạo vét kênh Xáng Xà No",
                "Đoạn kênh qua khu vực 4 bị bồi lắng, ghe không qua được.", "Phan Văn Út", now.minus(35, ChronoUnit.DAYS));
        startCase(CaseKind.COMPLAINT, "hg-phunghiep-cayduong", "Khiếu nại việc thu phí chợ",
                "Ban quản lý chợ thu phí cao hơn mức niêm yết.", "Võ Thị Sáu", now.minus(25, ChronoUnit.DAYS));
        log.info("Đã tạo dữ liệu mẫu: người dùng demo và 6 hồ sơ công dân.");
        // closed cases of each kind, with their whole history, for the auditors
        if (finished) {
            finishedCases.create();
        }
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

    private void startCase(CaseKind kind, String unitCode, String title, String content, String citizen, Instant receivedAt) {
        intake.submit(new Submission(kind, Channel.IN_PERSON, unitCode, title, content, citizen,
                citizen == null ? null : "Khu vực 1", citizen == null ? null : "0939 000 000", citizen == null, false,
                java.util.List.of(), null, receivedAt, 1, null, null), "demo");
    }
}
