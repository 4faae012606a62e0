package vn.qcdc.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import vn.qcdc.support.QcdcTest;

/** Tracking refuses what it must: a wrong PIN, an unknown code, a missing PIN, and any PIN once locked out. */
@QcdcTest
class PortalTrackingTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.junit.jupiter.api.BeforeEach
    void noEarlierFailedAttempts() {
        vn.qcdc.support.FailedAttempts.forget(jdbc);
    }

    static final Locale VI = Locale.forLanguageTag("vi");

    @LocalServerPort
    int port;
    @Autowired
    MessageSource messages;

    @Test
    void aWrongPinOrAnUnknownCodeIsRefusedWithTheSameMessage() {
        PortalSession citizen = new PortalSession(port);
        Filings.Issued issued = Filings.file(citizen, Filings.petition());

        HttpResponse<String> wrong = track(citizen, issued.code(), otherPin(issued.pin()));
        assertThat(wrong.statusCode()).isEqualTo(403);
        String page = PortalSession.text(wrong);
        assertThat(PortalRefusalTest.errorOf(page, "pin")).contains(vi("tracking.wrong"))
                .contains("Mã hồ sơ hoặc mã PIN không đúng.");
        assertThat(page).as("the code stays, the PIN does not").contains("value=\"" + issued.code() + "\"")
                .doesNotContain("id=\"status-status\"");

        HttpResponse<String> unknown = track(citizen, "PA-2000-ZZZZZZ", "123456");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(PortalRefusalTest.errorOf(PortalSession.text(unknown), "pin")).contains(vi("tracking.wrong"));

        HttpResponse<String> noPin = track(citizen, issued.code(), "");
        assertThat(PortalRefusalTest.errorOf(PortalSession.text(noPin), "pin")).contains(vi("tracking.required"))
                .contains("Cần nhập mã hồ sơ và mã PIN.");
    }

    @Test
    void fiveWrongPinsLockTheCodeEvenForTheRightPin() {
        PortalSession citizen = new PortalSession(port);
        Filings.Issued issued = Filings.file(citizen, Filings.petition());
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = track(citizen, issued.code(), otherPin(issued.pin()));
            assertThat(PortalRefusalTest.errorOf(PortalSession.text(wrong), "pin")).as("attempt " + attempt)
                    .contains(vi("tracking.wrong"));
        }

        HttpResponse<String> locked = track(citizen, issued.code(), issued.pin());
        assertThat(locked.statusCode()).isEqualTo(429);
        String page = PortalSession.text(locked);
        assertThat(PortalRefusalTest.errorOf(page, "pin")).contains(vi("tracking.locked", 15L))
                .contains("Nhập sai mã PIN quá nhiều lần");
        assertThat(page).doesNotContain("id=\"status-status\"", "Exception");
    }

    @Test
    void theTrackingFormNeverPutsThePinInAnAddress() {
        PortalSession citizen = new PortalSession(port);
        String form = citizen.get("/portal/track?code=PA-2026-ABCDEF").body();
        assertThat(form).containsPattern("<form action=\"/portal/track\" method=\"post\"")
                .contains("type=\"password\" id=\"pin\" name=\"pin\"", "value=\"PA-2026-ABCDEF\"");
        assertThat(citizen.get("/portal/track?code=%3Cscript%3E").body()).as("nothing odd is echoed")
                .doesNotContain("<script>");
    }

    private static HttpResponse<String> track(PortalSession citizen, String code, String pin) {
        String form = citizen.get("/portal/track").body();
        return citizen.post("/portal/track", form, Map.of("trackingCode", code, "pin", pin));
    }

    private static String otherPin(String pin) {
        return pin.equals("000000") ? "111111" : "000000";
    }

    private String vi(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
