package vn.qcdc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.cases.Upload;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FailedAttempts;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** One case's whole history for an auditor: every step with its actor, the decisions, data changes; nothing secret. */
@QcdcTest
class AuditTimelineTest {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final String NAME = "Đặng Thị Kínđáo";
    static final String PHONE = "0977111222";

    @LocalServerPort
    int port;
    @Autowired
    AuditTimeline timeline;
    @Autowired
    CaseIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noEarlierFailedAttempts() {
        FailedAttempts.forget(jdbc);
    }

    @Test
    void aFinishedComplaintHoldsEveryStepWithItsActorAndTheDecisionTables() throws Exception {
        String code = AuditCases.finishedComplaint(port);
        AuditTimeline.CaseHistory h = timeline.ofCode(code, VI).orElseThrow();

        assertThat(h.instances()).extracting(pi -> pi.getProcessDefinitionKey())
                .containsExactly("citizen-case", "complaint");
        assertThat(h.instances()).allSatisfy(pi -> assertThat(pi.getState()).isEqualTo("COMPLETED"));
        List<String> completed = h.entries().stream().filter(e -> e.type() == AuditTimeline.Type.TASK
                && e.what().startsWith("Hoàn thành: ")).map(e -> e.what().substring(12) + " | " + e.who()).toList();
        assertThat(completed).containsExactly(
                "Phân loại, xác định thẩm quyền | tiepdan.p1",
                "Thụ lý hoặc từ chối thụ lý khiếu nại | truong.p1",
                "Xác minh nội dung khiếu nại | xuly.p1",
                "Tổ chức đối thoại | xuly.p1",
                "Dự thảo quyết định giải quyết | xuly.p1",
                "Ký quyết định giải quyết | truong.p1",
                "Gửi quyết định cho người khiếu nại | tiepdan.p1");
        assertThat(h.entries()).filteredOn(e -> e.type() == AuditTimeline.Type.TASK && e.what().startsWith("Hoàn thành"))
                .allSatisfy(e -> assertThat(e.onTime()).as(e.what()).isTrue());
        assertThat(h.entries()).filteredOn(e -> e.type() == AuditTimeline.Type.TASK && e.what().startsWith("Giao việc"))
                .extracting(AuditTimeline.Entry::detail)
                .anyMatch(d -> d.startsWith("hg-vithanh-p1:reception-officer · hạn "))
                .anyMatch(d -> d.startsWith("hg-vithanh-p1:unit-head · hạn "));

        // the DMN tables, with their inputs and outputs
        List<AuditTimeline.Entry> decisions = h.entries().stream().filter(e -> e.type() == AuditTimeline.Type.DECISION).toList();
        assertThat(decisions).extracting(AuditTimeline.Entry::what).anyMatch(w -> w.contains("Định tuyến đơn"))
                .anyMatch(w -> w.contains("Thời hạn giải quyết khiếu nại"));
        assertThat(decisions).allSatisfy(d -> assertThat(d.detail()).contains("Đầu vào: ").contains("Kết quả: "));
        assertThat(decisions.get(0).detail()).contains("COMPLAINT");

        // every variable change: old → new, and who made it
        assertThat(h.entries()).filteredOn(e -> e.type() == AuditTimeline.Type.VARIABLE && e.what().equals("findings"))
                .extracting(e -> e.detail() + " | " + e.who()).containsExactly("∅ → Mức bồi thường đúng quy định | xuly.p1");
        assertThat(h.entries()).filteredOn(e -> e.type() == AuditTimeline.Type.OPERATION)
                .extracting(AuditTimeline.Entry::who).contains("tiepdan.p1", "truong.p1", "xuly.p1");

        // oldest first, and the process ends last
        assertThat(h.entries()).extracting(AuditTimeline.Entry::at).isSorted();
        assertThat(h.entries().get(0).what()).startsWith("Bắt đầu quy trình");

        WebSession auditor = new WebSession(port);
        auditor.signIn("kiemtoan", DemoUsers.PASSWORD);
        HttpResponse<String> page = auditor.get("/audit/cases/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ký quyết định giải quyết").contains("truong.p1").contains("Định tuyến đơn")
                .contains("Phạm Văn Khiếu");
        String rootId = h.instances().get(0).getId();
        assertThat(auditor.get("/audit/instances/" + h.instances().get(1).getId()).body())
                .as("by one of its instances: the whole tree").contains(rootId).contains("Phân loại, xác định thẩm quyền");
        assertThat(auditor.get("/audit/cases/" + code + "?lang=en").body()).contains("Completed: ");
        auditor.get("/audit?lang=vi");

        // the same history as CSV: one line per entry, oldest first
        HttpResponse<String> csv = auditor.get("/audit/cases/" + code + ".csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFMã hồ sơ,Đơn vị,Thời điểm");
        assertThat(lines.length).isGreaterThan(h.entries().size());
        assertThat(csv.body()).contains("Hoàn thành: Ký quyết định giải quyết,truong.p1").contains("Định tuyến đơn")
                .contains(code + ",hg-vithanh-p1 Phường I,");
        assertThat(auditor.get("/audit/cases/KN-NO-SUCH.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void aDenouncersIdentityStaysMaskedAndAttachmentDownloadsAreRecorded() throws Exception {
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        String code = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "Tố cáo cán bộ thu tiền", "Cán bộ Y nhận tiền của dân.", NAME, "Khu vực 5, Phường I", PHONE, false,
                List.of(new Upload("chung-cu.pdf", pdf)), null), "test").trackingCode();
        // the head reads the identity (a recorded act), then the auditor reads the case's history
        WebSession head = new WebSession(port);
        head.signIn("truong.p1", DemoUsers.PASSWORD);
        String token = WebSession.csrfTokenOf(head.get("/").body());
        assertThat(head.postForm("/cases/" + code + "/identity", "_csrf=" + token).body()).contains(NAME);

        WebSession auditor = new WebSession(port);
        auditor.signIn("kiemtoan", DemoUsers.PASSWORD);
        String page = auditor.get("/audit/cases/" + code).body();
        assertThat(page).contains("[được bảo mật]").contains("identity-masked")
                .contains("Danh tính người tố cáo đã được xem").doesNotContain(NAME).doesNotContain(PHONE)
                .doesNotContain("Khu vực 5");
        assertThat(auditor.get("/audit/export.csv?q=" + code).body()).doesNotContain(NAME).doesNotContain(PHONE);

        long attachment = jdbc.queryForObject("select a.id from case_attachment a join citizen_case c on c.id = a.case_id"
                + " where c.tracking_code = ?", Long.class, code);
        HttpResponse<String> file = auditor.get("/audit/cases/" + code + "/attachments/" + attachment);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF");
        assertThat(auditor.get("/audit/cases/" + code + "/attachments/999999").statusCode()).isEqualTo(404);
        assertThat(auditor.get("/audit/cases/" + code + "/attachments/abc").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForList("select downloaded_by from audit_download where case_code = ?", String.class, code))
                .containsExactly("kiemtoan");
        AuditTimeline.CaseHistory h = timeline.ofCode(code, VI).orElseThrow();
        assertThat(h.entries()).filteredOn(e -> e.type() == AuditTimeline.Type.DOWNLOAD)
                .extracting(e -> e.what() + " | " + e.who()).containsExactly("chung-cu.pdf | kiemtoan");
        assertThat(h.entries()).allSatisfy(e -> assertThat(e.what() + e.detail()).doesNotContain(NAME).doesNotContain(PHONE));
    }

    @Test
    void identityVariablesAreMaskedWhereverTheyAppear() {
        assertThat(AuditTimeline.masked("citizenName")).isTrue();
        assertThat(AuditTimeline.masked("citizenContact")).isTrue();
        assertThat(AuditTimeline.masked("denouncerPhone")).isTrue();
        assertThat(AuditTimeline.masked("title")).isFalse();
    }
}
