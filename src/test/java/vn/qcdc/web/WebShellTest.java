package vn.qcdc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** The shell around the capabilities: languages, assets without CDN, health, metrics, OpenAPI, errors. */
@QcdcTest
class WebShellTest {

    @LocalServerPort
    int port;

    @Test
    void pagesAreVietnameseFirstWithAnEnglishSwitchThatSticks() {
        WebSession session = new WebSession(port);
        assertThat(session.get("/login").body()).contains("Đăng nhập").contains("lang=\"vi\"");
        assertThat(session.get("/login?lang=en").body()).contains("Sign in").contains("lang=\"en\"");
        assertThat(session.get("/login").body()).as("the choice is remembered").contains("Sign in");
        assertThat(session.get("/login?lang=vi").body()).contains("Đăng nhập");
    }

    @Test
    void pagesLoadTheirAssetsFromWebJarsNeverFromACdn() {
        WebSession session = new WebSession(port);
        session.signIn("quantri", DemoUsers.PASSWORD);
        String home = session.get("/").body();
        assertThat(home).contains("/webjars/bootstrap/").contains("bootstrap.min.css").doesNotContain("src=\"http", "href=\"http");
        assertThat(session.get("/webjars/bootstrap/css/bootstrap.min.css").statusCode()).isEqualTo(200);
        assertThat(session.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(home).contains("card-rules", "card-admin", "card-cockpit");
    }

    @Test
    void theHomePageOffersEachRoleOnlyWhatItMayDo() {
        WebSession officer = new WebSession(port);
        officer.signIn("xuly.p1", DemoUsers.PASSWORD);
        assertThat(officer.get("/").body()).contains("card-tasklist").doesNotContain("card-rules", "card-cockpit");
        WebSession auditor = new WebSession(port);
        auditor.signIn("kiemtoan", DemoUsers.PASSWORD);
        assertThat(auditor.get("/").body()).contains("card-cockpit").doesNotContain("card-tasklist", "card-rules");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        String metrics = anonymous.get("/actuator/prometheus").body();
        assertThat(metrics).contains("qcdc_engine_tasks_open", "qcdc_engine_tasks_overdue", "http_server_requests",
                "jvm_memory_used_bytes");
        String openApi = anonymous.getJson("/v3/api-docs").body();
        assertThat(openApi).contains("/api/rules/{code}/due", "/api/public/org-units", "/api/oversight/tasks",
                "/api/oversight/summary", "/api/oversight/actions");
    }

    @Test
    void unknownPagesAndBrokenRequestsGetAPlainMessageNeverAStackTrace() {
        WebSession session = new WebSession(port);
        session.signIn("xuly.p1", DemoUsers.PASSWORD);
        HttpResponse<String> page = session.get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy trang").doesNotContain("Exception", "at org.");
        HttpResponse<String> api = session.getJson("/api/rules/complaint.accept/due?receivedAt=31/12/2026");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("receivedAt").doesNotContain("Exception", "at org.");
        assertThat(session.get("/admin/rules").statusCode()).isEqualTo(403);
    }

    @Test
    void citizensFindDialoguesAndSelfCriticismSessionsFromThePortal() {
        WebSession citizen = new WebSession(port);
        String portal = citizen.get("/portal").body();
        assertThat(portal).contains("/portal/dialogues").contains("/portal/sessions");
        HttpResponse<String> sessions = citizen.get("/portal/sessions");
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.body()).contains("Kiểm điểm, tự phê bình trước nhân dân");
        WebSession officer = new WebSession(port);
        officer.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        assertThat(officer.get("/").body()).contains("card-dialogues", "card-moderation");
    }

    @Test
    void inspectionsAreListedOnlyToThoseWhoInspectOrFollowThem() {
        WebSession officer = new WebSession(port);
        officer.signIn("xuly.p1", DemoUsers.PASSWORD);
        assertThat(officer.get("/inspections").body()).contains("Chưa có đợt kiểm tra nào").doesNotContain("data-plan-unit");
        WebSession auditor = new WebSession(port);
        auditor.signIn("kiemtoan", DemoUsers.PASSWORD);
        assertThat(auditor.get("/inspections").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/").body()).contains("card-inspections", "card-targets");
    }

    @Test
    void theOrganisationSearchFindsUnitsWithoutDiacritics() {
        String found = new WebSession(port).getJson("/api/public/org-units?q=cay%20duong").body();
        assertThat(found).contains(DemoUsers.COMMUNE_B).contains("Cây Dương");
    }
}
