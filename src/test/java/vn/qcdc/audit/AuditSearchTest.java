package vn.qcdc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FailedAttempts;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** The auditors' search on /audit: every process's history, filtered, paged, exported; bad inputs refused. */
@QcdcTest
class AuditSearchTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    WebSession auditor;

    @BeforeEach
    void signIn() {
        FailedAttempts.forget(jdbc);
        auditor = new WebSession(port);
        auditor.signIn("kiemtoan", DemoUsers.PASSWORD);
    }

    @Test
    void findsAFinishedComplaintByEachOfItsTraits() throws Exception {
        String code = AuditCases.finishedComplaint(port);
        String today = LocalDate.now(clock).toString();
        for (String query : List.of("q=" + code, "status=completed&kind=COMPLAINT", "unit=hg-vithanh&status=completed",
                "unit=hg&kind=COMPLAINT&status=completed", "officer=truong.p1", "officer=tiepdan.p1&status=completed",
                "startedFrom=" + today + "&startedTo=" + today + "&status=completed",
                "endedFrom=" + today + "&sort=ended&dir=asc&size=200", "process=complaint&status=completed",
                "sort=code&kind=COMPLAINT&status=completed&size=200")) {
            HttpResponse<String> r = auditor.get("/audit?" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(200);
            assertThat(r.body()).as(query).contains(code);
        }
        for (String query : List.of("q=" + code + "&status=running", "q=" + code + "&unit=hg-phunghiep",
                "q=" + code + "&kind=PETITION", "q=" + code + "&officer=xuly.cd", "q=" + code + "&status=incident",
                "q=" + code + "&endedTo=2020-01-01")) {
            HttpResponse<String> r = auditor.get("/audit?" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(200);
            assertThat(r.body()).as(query).doesNotContain(">" + code + "<").contains("audit-none");
        }
        // the case is listed once, by its root process; its handling process by the process filter
        String page = auditor.get("/audit?q=" + code).body();
        assertThat(page.split("class=\"audit-row\"", -1)).hasSize(2);
        assertThat(auditor.get("/audit?q=" + code + "&process=complaint").body()).contains(code);
    }

    @Test
    void pagesAndExports() throws Exception {
        String code = AuditCases.finishedComplaint(port);
        HttpResponse<String> first = auditor.get("/audit?size=1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("id=\"audit-next\"").contains("Trang 1/");
        assertThat(first.body().split("class=\"audit-row\"", -1)).hasSize(2);

        HttpResponse<String> csv = auditor.get("/audit/export.csv?q=" + code);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains(code).contains("Mã")
                .contains("Đã hoàn thành");
        HttpResponse<String> xlsx = auditor.get("/audit/export.xlsx?q=" + code);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith("PK");
    }

    @Test
    void badInputsGetAClearMessageInTheUsersLanguage() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("size=1000000", "&quot;size&quot; phải là số từ 1 đến 200"),
                Map.entry("size=abc", "&quot;size&quot; phải là số từ 1 đến 200"),
                Map.entry("page=-1", "&quot;page&quot; phải là số"),
                Map.entry("startedFrom=2026-13-45", "không hợp lệ; nhập theo dạng năm-tháng-ngày"),
                Map.entry("endedTo=01/12/2026", "không hợp lệ; nhập theo dạng năm-tháng-ngày"),
                Map.entry("startedFrom=2026-12-05&startedTo=2026-12-01", "Khoảng ngày ngược"),
                Map.entry("endedFrom=2026-12-05&endedTo=2026-12-01", "Khoảng ngày ngược"),
                Map.entry("unit=hg-nowhere", "Không có đơn vị mã"),
                Map.entry("process=no-such-process", "Không có quy trình"),
                Map.entry("kind=LAWSUIT", "Không có loại đơn"),
                Map.entry("officer=nobody.xx", "Không có người dùng"),
                Map.entry("status=lost", "Trạng thái &quot;lost&quot; không có"),
                Map.entry("sort=password", "Không sắp xếp được"),
                Map.entry("dir=up", "Chiều sắp xếp"),
                Map.entry("q=" + enc("' or 1=1 --"), "Giá trị của &quot;q&quot; không hợp lệ"),
                Map.entry("unit=" + "x".repeat(5000), "Giá trị của &quot;unit&quot; không hợp lệ"));
        refused.forEach((query, message) -> {
            for (String path : List.of("/audit?", "/audit/export.csv?", "/audit/export.xlsx?")) {
                HttpResponse<String> r = auditor.get(path + query);
                assertThat(r.statusCode()).as(path + query).isEqualTo(400);
                assertThat(r.body()).as(path + query).contains("id=\"audit-error\"").contains(message)
                        .doesNotContain("Exception").doesNotContain("at vn.qcdc");
            }
        });
        HttpResponse<String> english = auditor.get("/audit?size=1000000&lang=en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("&quot;size&quot; must be a number from 1 to 200");
        HttpResponse<String> reversed = auditor.get("/audit?startedFrom=2026-12-05&startedTo=2026-12-01");
        assertThat(reversed.body()).contains("The date range is reversed");
        auditor.get("/audit?lang=vi");
        assertThat(auditor.get("/audit/cases/KN-NO-SUCH").statusCode()).isEqualTo(404);
        assertThat(auditor.get("/audit/cases/KN-NO-SUCH").body()).contains("Không tìm thấy hồ sơ");
        assertThat(auditor.get("/audit/instances/" + enc("<script>")).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAuditorsAndAdminsReachIt() {
        for (String user : List.of("xuly.p1", "truong.p1", "giamsat.hg", "tiepdan.p1", "ttnd.p1", "thuky.hg")) {
            WebSession officer = new WebSession(port);
            officer.signIn(user, DemoUsers.PASSWORD);
            for (String path : List.of("/audit", "/audit?size=1000000", "/audit/export.csv", "/audit/export.xlsx",
                    "/audit/cases/KN-ANY", "/audit/instances/x", "/audit/cases/KN-ANY/attachments/1")) {
                assertThat(officer.get(path).statusCode()).as(user + " " + path).isEqualTo(403);
            }
        }
        WebSession admin = new WebSession(port);
        admin.signIn("quantri", DemoUsers.PASSWORD);
        assertThat(admin.get("/audit").statusCode()).isEqualTo(200);
        assertThat(new WebSession(port).get("/audit").statusCode()).as("not signed in").isEqualTo(302);
        assertThat(auditor.get("/").body()).contains("id=\"nav-audit\"");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
