package vn.qcdc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseTracking;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Receipt;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;
import vn.qcdc.platform.Refusal;

/**
 * Every hostile input the outside test found, sent as it was sent: each answer is a 4xx with a message
 * in the door's own format and language, and nothing is stored.
 */
@QcdcTest
class HostileInputTest {

    @org.junit.jupiter.api.BeforeEach
    void noEarlierFailedAttempts() {
        vn.qcdc.support.FailedAttempts.forget(jdbc);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseTracking tracking;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void ourPagesCarryASecurityPolicyAndTheSessionCookieStaysOnThisSite() {
        HttpResponse<String> login = get("/login", "vi");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self';").contains("default-src 'self'").contains("frame-ancestors 'self'");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
        assertThat(login.body()).doesNotContain("onclick=").doesNotContain("<script>");
    }

    @Test
    void redirectsNeverNameTheHostTheRequestClaimed() throws IOException {
        String answer = raw("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(answer).containsPattern("(?i)location: /login").doesNotContain("evil.example");
    }

    @Test
    void anUnsupportedLanguageIsVietnamese() {
        HttpResponse<String> portal = get("/portal?lang=fr", "vi");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("lang=\"vi\"").doesNotContain("??");
        assertThat(portal.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("qcdc-lang=fr"));
        for (String path : List.of("/portal", "/portal/submit", "/open311/v2/services.json")) {
            HttpResponse<String> withCookie = send(HttpRequest.newBuilder(uri(path)).header("Cookie", "qcdc-lang=fr").GET());
            assertThat(withCookie.statusCode()).as(path).isEqualTo(200);
            assertThat(withCookie.body()).as(path).doesNotContain("??");
        }
        HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/public/cases")).header("Cookie", "qcdc-lang=fr")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("không hợp lệ");
    }

    @Test
    void whatOnceAnsweredFiveHundredIsAFourHundredNow() throws IOException {
        assertClientError(postJson("/api/public/cases", "{\"kind\": \"PETITION\", \"unitCode\": \"" + DemoUsers.COMMUNE_A
                + "\", \"title\": \"t\", \"content\": \"c\", \"anonymous\": true, \"attachments\": [null]}", null), "tệp");
        String longCode = "KN-2026-" + "X".repeat(40);
        assertClientError(send(HttpRequest.newBuilder(uri("/api/public/cases/" + longCode)).header("X-Case-Pin", "123456").GET()), null);
        assertClientError(send(HttpRequest.newBuilder(uri("/api/public/cases/" + longCode + "/withdraw"))
                .header("X-Case-Pin", "123456").POST(HttpRequest.BodyPublishers.noBody())), null);
        assertClientError(send(HttpRequest.newBuilder(uri("/api/public/cases/" + longCode + "/second-complaint"))
                .header("X-Case-Pin", "123456").POST(HttpRequest.BodyPublishers.noBody())), null);
        assertClientError(send(HttpRequest.newBuilder(uri("/api/public/cases/" + longCode + "/further-denunciation"))
                .header("X-Case-Pin", "123456").POST(HttpRequest.BodyPublishers.noBody())), null);
        WebSession citizen = new WebSession(port);
        String token = WebSession.csrfTokenOf(citizen.get("/portal/track").body());
        for (String path : List.of("/portal/track", "/portal/track/withdraw", "/portal/track/second-complaint",
                "/portal/track/further-denunciation")) {
            HttpResponse<String> answer = citizen.postForm(path, "trackingCode=" + longCode + "&pin=123456&_csrf=" + token);
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.body()).as(path).contains("Mã hồ sơ hoặc mã PIN").doesNotContain("Exception");
        }
        HttpResponse<String> comment = citizen.postForm("/portal/sessions/999999/comments",
                "officialId=not-a-number&body=x&_csrf=" + token);
        assertThat(comment.statusCode()).isEqualTo(404);
        assertThat(raw("GET /engine-rest;/task HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400");
        assertThat(get("/error", "vi").statusCode()).isEqualTo(404);
        String malformed = raw("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(malformed).startsWith("HTTP/1.1 400").contains("Yêu cầu không hợp lệ").doesNotContain("Bad Request")
                .doesNotContain("Tomcat");
        assertThat(raw("GET /%zz HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nConnection: close\r\n\r\n"))
                .contains("The request is not valid");
    }

    @Test
    void jsonIsDecodedStrictlyAndNothingIsStored() {
        long before = cases();
        String valid = "{\"kind\": \"PETITION\", \"unitCode\": \"" + DemoUsers.COMMUNE_A
                + "\", \"title\": \"Đường ngập\", \"content\": \"Mưa là ngập\", \"anonymous\": true}";
        assertClientError(postJson("/api/public/cases", valid + " trailing garbage", null), "JSON");
        assertClientError(postJson("/api/public/cases", valid.replace("\"anonymous\": true", "\"anonymous\": 2"), null), "JSON");
        assertClientError(postJson("/api/public/cases", valid.replace("Mưa là ngập", "Mưa\\u0000 là ngập"), null), "ký tự điều khiển");
        byte[] overlong = valid.replace("Mưa là ngập", "Mưa OVERLONG").getBytes(StandardCharsets.UTF_8);
        String text = new String(overlong, StandardCharsets.ISO_8859_1).replace("OVERLONG", "\u00c0\u00af");
        HttpResponse<String> bytes = send(HttpRequest.newBuilder(uri("/api/public/cases")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.ISO_8859_1))));
        assertClientError(bytes, "UTF-8");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void openGeoReportRefusesControlCharactersAndAnswersFrameworkErrorsInItsOwnFormat() {
        long before = cases();
        HttpResponse<String> control = send(HttpRequest.newBuilder(uri("/open311/v2/requests.xml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("service_code=PETITION&jurisdiction_id=" + DemoUsers.COMMUNE_A
                        + "&description=" + enc("Đèn hỏng \u0001\u001b[31m"))));
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).startsWith("<?xml").contains("<errors>").contains("ký tự điều khiển");
        assertThat(cases()).isEqualTo(before);
        HttpResponse<String> media = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(media.statusCode()).isEqualTo(415);
        assertThat(media.body()).startsWith("[{\"code\":415").contains("x-www-form-urlencoded");
        HttpResponse<String> method = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json")).header("Accept-Language", "en")
                .DELETE());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.body()).startsWith("[{\"code\":405").contains("does not take that HTTP method");
    }

    @Test
    void anIdempotencyKeyBelongsToItsDoorAndAnotherBodyLearnsNothing() {
        String key = "k-" + UUID.randomUUID();
        String body = "{\"kind\": \"PETITION\", \"unitCode\": \"" + DemoUsers.COMMUNE_A
                + "\", \"title\": \"Cầu yếu\", \"content\": \"Cầu khỉ ấp 3 yếu\", \"anonymous\": true}";
        HttpResponse<String> first = postJson("/api/public/cases", body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        String code = first.body().replaceAll(".*\"trackingCode\":\"([^\"]+)\".*", "$1");
        long before = cases();
        HttpResponse<String> other = postJson("/api/public/cases", body.replace("Cầu khỉ", "Cống"), key);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).doesNotContain(code).contains("đã được dùng cho một yêu cầu khác");
        HttpResponse<String> same = postJson("/api/public/cases", body, key);
        assertThat(same.statusCode()).isEqualTo(409);
        assertThat(same.body()).contains(code);
        assertThat(cases()).isEqualTo(before);
        HttpResponse<String> open311 = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json")).header("Idempotency-Key", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("service_code=PETITION&jurisdiction_id=" + DemoUsers.COMMUNE_A
                        + "&description=" + enc("Cầu khỉ ấp 3 yếu"))));
        assertThat(open311.statusCode()).as("the same key at another door is another key").isEqualTo(201);
    }

    @Test
    void wrongPinsFromOneAddressDoNotLockTheCitizenOut() {
        Receipt receipt = intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, DemoUsers.COMMUNE_A, "Rác",
                "Rác chưa thu gom", "Công dân", "Ấp 1", "0900000000", false, null, null), "test");
        for (int i = 0; i < 8; i++) {
            try {
                tracking.authorize(receipt.trackingCode(), "000000".equals(receipt.pin()) ? "111111" : "000000", "10.7.7.7");
            } catch (Refusal expected) {
                // wrong, then locked
            }
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(Refusal.class,
                () -> tracking.authorize(receipt.trackingCode(), receipt.pin(), "10.7.7.7")).problems().get(0).messageKey())
                .as("the guesser's address is locked").isEqualTo("tracking.locked");
        assertThat(tracking.authorize(receipt.trackingCode(), receipt.pin(), "10.8.8.8").trackingCode())
                .as("the citizen, elsewhere, is not").isEqualTo(receipt.trackingCode());
    }

    @Test
    void theCaseExportNeutralisesSpreadsheetFormulas() {
        intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "=HYPERLINK(\"http://evil.example\",\"Bấm\")", "Nội dung", "Công dân", "Ấp 1", "0900000000", false, null, null),
                "test");
        WebSession officer = new WebSession(port);
        officer.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        String csv = officer.get("/cases/export.csv").body();
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void camundasSignOutAndItsOtherCallsNeedItsTokenAndEndNoSessionWithout() {
        WebSession session = new WebSession(port);
        session.signIn("xuly.p1", DemoUsers.PASSWORD);
        assertThat(session.camunda("GET", "/camunda/api/admin/auth/user/default", null).statusCode()).isEqualTo(200);
        HttpResponse<String> forgedLogout = session.postForm("/camunda/api/admin/auth/user/default/logout", "");
        assertThat(forgedLogout.statusCode()).isBetween(400, 499);
        assertThat(session.getJson("/camunda/api/admin/auth/user/default").statusCode()).as("after forged logout").isEqualTo(200);
        HttpResponse<String> xsrfLess = session.postForm("/camunda/api/engine/engine/default/task/count", "");
        assertThat(xsrfLess.statusCode()).isBetween(400, 499);
        assertThat(session.getJson("/camunda/api/admin/auth/user/default").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(session.camunda("POST", "/camunda/api/admin/auth/user/default/logout", null).statusCode()).isEqualTo(200);
        assertThat(session.getJson("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void publicMetricsDoNotTellWhenADenunciationArrived() {
        intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A, "Tố cáo", "Nội dung",
                "Người tố cáo", "Ấp 1", "0900000001", false, null, null), "test");
        String scrape = get("/actuator/prometheus", "vi").body();
        assertThat(scrape).contains("qcdc_cases_received_total").doesNotContain("DENUNCIATION").doesNotContain("kind=");
    }

    @Test
    void aPeriodicReviewReportIsReadOnlyByItsUnitThoseAboveItAndAuditors() {
        long reviewId = openReview();
        String path = "/reviews/" + reviewId + "/units/" + DemoUsers.COMMUNE_A;
        for (String reader : List.of("thuky.p1", "thuky.vt", "thuky.hg", "kiemtoan", "truong.p1")) {
            WebSession s = new WebSession(port);
            s.signIn(reader, DemoUsers.PASSWORD);
            assertThat(s.get(path).statusCode()).as(reader).isEqualTo(200);
        }
        for (String stranger : List.of("tiepdan.cd", "thuky.cd", "thuky.p3")) {
            WebSession s = new WebSession(port);
            s.signIn(stranger, DemoUsers.PASSWORD);
            HttpResponse<String> page = s.get(path);
            assertThat(page.statusCode()).as(stranger).isEqualTo(403);
            assertThat(page.body()).as(stranger).contains("chỉ dành cho đơn vị báo cáo");
            assertThat(s.get("/reviews/" + reviewId + "?unit=" + DemoUsers.COMMUNE_A).statusCode()).as(stranger).isEqualTo(403);
        }
    }

    private long openReview() {
        identityService.setAuthentication("thuky.hg", List.of("steering-secretary", "hg:steering-secretary"));
        try {
            runtimeService.startProcessInstanceByKey("periodic-review", java.util.Map.of("year", 2023, "period", "HALF_YEAR",
                    "units", DemoUsers.COMMUNE_A + ", " + DemoUsers.COMMUNE_B + ", hg-vithanh-p3"));
        } finally {
            identityService.clearAuthentication();
        }
        return jdbc.queryForObject("select id from review where review_year = 2023 and period = 'HALF_YEAR'", Long.class);
    }

    private void assertClientError(HttpResponse<String> answer, String says) {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("\"trace\"");
        if (says != null) {
            assertThat(answer.body()).contains(says);
        }
    }

    private long cases() {
        return jdbc.queryForObject("select count(*) from citizen_case", Long.class);
    }

    private HttpResponse<String> get(String path, String language) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).GET());
    }

    private HttpResponse<String> postJson(String path, String json, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept-Language", "vi").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request as raw bytes: what a client that ignores the rules of HTTP libraries sends. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
