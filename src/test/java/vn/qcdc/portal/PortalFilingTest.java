package vn.qcdc.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.cases.CaseStatus;
import vn.qcdc.support.QcdcTest;

/** Filing on the portal without signing in: the receipt shows the PIN once, code and PIN open the case. */
@QcdcTest
class PortalFilingTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;

    @Test
    void aPetitionWithAPhotoGetsAReceiptShownOnceAndIsTrackedWithCodeAndPin() {
        PortalSession citizen = new PortalSession(port);
        HttpResponse<String> posted = citizen.submit(Filings.petition(), Filings.photo());
        assertThat(posted.statusCode()).isEqualTo(302);
        Filings.Issued issued = Filings.receipt(citizen, posted);
        assertThat(issued.cacheControl()).as("a page holding the PIN is never cached").contains("no-store");

        assertThat(issued.code()).startsWith("PA-");
        assertThat(issued.receiptPath()).isEqualTo("/portal/receipt/" + issued.code()).doesNotContain(issued.pin());
        assertThat(issued.receiptPage()).contains("Biên nhận hồ sơ", "Kiến nghị, phản ánh", "Phường I",
                "data-print", "In biên nhận", "chỉ hiển thị một lần");
        assertThat(issued.receiptPage()).containsPattern("id=\"receipt-received\">\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}<");
        // the printed receipt names the portal's full address (here the one the request came to; see PublicAddressTest)
        assertThat(issued.receiptPage()).contains("Tra cứu hồ sơ tại",
                "id=\"receipt-address\">http://localhost:" + port + "/portal/track<");
        assertThat(jdbc.queryForObject("select count(*) from case_attachment a join citizen_case c on c.id = a.case_id"
                + " where c.tracking_code = ? and a.content_type = 'image/png'", Long.class, issued.code())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select channel from citizen_case where tracking_code = ?", String.class,
                issued.code())).isEqualTo("PORTAL");

        HttpResponse<String> again = citizen.get(issued.receiptPath());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).doesNotContain(issued.pin()).doesNotContain("id=\"receipt-pin\"")
                .contains("chỉ hiển thị một lần");

        String trackForm = citizen.get("/portal/track?code=" + issued.code()).body();
        assertThat(trackForm).contains("value=\"" + issued.code() + "\"").contains("method=\"post\"");
        HttpResponse<String> status = citizen.post("/portal/track", trackForm,
                Map.of("trackingCode", issued.code().toLowerCase(), "pin", issued.pin()));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Cache-Control").orElse("")).as("a page holding the PIN is never cached")
                .contains("no-store");
        CaseStatus now = CaseStatus.valueOf(jdbc.queryForObject(
                "select status from citizen_case where tracking_code = ?", String.class, issued.code()));
        assertThat(PortalSession.text(status)).contains(issued.code(), "Phường I", "Kiến nghị, phản ánh",
                messages.getMessage(now.messageKey(), null, VI), "Thời hạn giải quyết theo luật");
        assertThat(status.body()).containsPattern("id=\"status-received\">\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}<")
                .contains("id=\"withdraw-submit\"").doesNotContain("id=\"escalate-submit\"");
    }

    @Test
    void theLandingPageExplainsTheFourKindsInVietnameseAndInEnglish() {
        PortalSession citizen = new PortalSession(port);
        HttpResponse<String> landing = citizen.get("/portal");
        assertThat(landing.statusCode()).isEqualTo(200);
        String page = PortalSession.text(landing);
        for (String kind : new String[] {"COMPLAINT", "DENUNCIATION", "PETITION", "ANONYMOUS_INFO"}) {
            assertThat(page).contains(messages.getMessage("case.kind." + kind, null, VI),
                    messages.getMessage("case.kind." + kind + ".help", null, VI), "/portal/submit?kind=" + kind);
        }
        assertThat(page).contains("lang=\"vi\"", "href=\"/portal/submit\"", "href=\"/portal/track\"")
                .doesNotContain("src=\"http", "href=\"http");
        String english = PortalSession.text(citizen.get("/portal?lang=en"));
        assertThat(english).contains("Citizen portal", "File a case", "Track a case",
                messages.getMessage("case.kind.DENUNCIATION.help", null, Locale.ENGLISH));
        assertThat(citizen.get("/portal/submit?kind=COMPLAINT").body())
                .as("the form speaks the language chosen").contains("Kind of case")
                .containsPattern("value=\"COMPLAINT\"\\s+checked");
    }

    @Test
    void theSignInPageAndTheNavigationLeadCitizensToThePortal() {
        PortalSession visitor = new PortalSession(port);
        String login = visitor.get("/login").body();
        assertThat(login).contains("id=\"login-portal-link\"", "id=\"nav-portal\"", "Cổng công dân");
        assertThat(visitor.get("/portal/track").body()).contains("id=\"nav-portal\"");
    }

    @Test
    void aCitizenWithdrawsACaseWithCodeAndPin() {
        PortalSession citizen = new PortalSession(port);
        Filings.Issued issued = Filings.file(citizen, Filings.petition());
        String trackForm = citizen.get("/portal/track").body();
        String status = citizen.post("/portal/track", trackForm, Map.of("trackingCode", issued.code(), "pin", issued.pin()))
                .body();
        assertThat(status).contains("/portal/track/withdraw");

        HttpResponse<String> withdrawn = citizen.post("/portal/track/withdraw", status,
                Map.of("trackingCode", issued.code(), "pin", issued.pin()));
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(PortalSession.text(withdrawn)).contains("Anh/Chị đã rút đơn", "Đã rút đơn", "Công dân đã rút đơn.");
        assertThat(withdrawn.body()).doesNotContain("id=\"withdraw-submit\"");
        assertThat(jdbc.queryForObject("select status from citizen_case where tracking_code = ?", String.class,
                issued.code())).isEqualTo("WITHDRAWN");
    }

    @Test
    void aDecidedComplaintCanGoToASecondComplaintWithItsOwnReceiptAndPinShownOnce() {
        PortalSession citizen = new PortalSession(port);
        Filings.Issued first = Filings.file(citizen, Filings.petitionWith("kind", "COMPLAINT",
                "title", "Khiếu nại quyết định thu hồi đất", "content", "Quyết định thu hồi đất số 12 không đúng diện tích."));
        assertThat(first.code()).startsWith("KN-");
        // the unit decides (what the decision task would record)
        jdbc.update("update citizen_case set status = 'DECIDED', decision_at = current_timestamp,"
                + " decision_text = 'Giữ nguyên quyết định thu hồi đất số 12.' where tracking_code = ?", first.code());

        String trackForm = citizen.get("/portal/track").body();
        String status = citizen.post("/portal/track", trackForm, Map.of("trackingCode", first.code(), "pin", first.pin()))
                .body();
        assertThat(status).contains("Giữ nguyên quyết định thu hồi đất số 12.", "id=\"escalate-submit\"")
                .doesNotContain("id=\"withdraw-submit\"");

        HttpResponse<String> escalated = citizen.post("/portal/track/second-complaint", status,
                Map.of("trackingCode", first.code(), "pin", first.pin()));
        assertThat(escalated.statusCode()).isEqualTo(302);
        Filings.Issued second = Filings.receipt(citizen, escalated);
        assertThat(second.code()).startsWith("KN-").isNotEqualTo(first.code());
        assertThat(second.receiptPage()).contains("khiếu nại lần hai", first.code());
        assertThat(citizen.get(second.receiptPath()).body()).doesNotContain("id=\"receipt-pin\"");
        assertThat(jdbc.queryForObject("select round from citizen_case where tracking_code = ?", Integer.class,
                second.code())).isEqualTo(2);
    }
}
