package vn.qcdc.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.CitizenCase;
import vn.qcdc.cases.Receipt;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/** POST and GET requests: a case through Open311, what the public sees of it, and what it never sees. */
@QcdcTest
class Open311RequestsTest {

    private static final String REQUESTS = "/open311/v2/requests.json";

    @LocalServerPort
    int port;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseRepository cases;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void contactDetailsTypedIntoThePetitionAreHiddenFromThePublicButKeptForOfficers() {
        Open311Http http = new Open311Http(port);
        String description = "Đèn đường hẻm 7 hư, liên hệ tôi 0911 222 333 hoặc hoa.le@example.vn để chỉ chỗ.";
        HttpResponse<String> posted = http.postForm(REQUESTS, Open311Http.form("service_code", "PETITION",
                "description", description, "attribute[unit_code]", DemoUsers.COMMUNE_A, "first_name", "Hoa",
                "last_name", "Lê", "phone", "0911222333"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String id = Open311Http.json(posted).get(0).get("service_request_id").asText();
        JsonNode published = Open311Http.json(http.get("/open311/v2/requests/" + id + ".json")).get(0);
        assertThat(published.get("description").asText())
                .isEqualTo("Đèn đường hẻm 7 hư, liên hệ tôi [đã ẩn] hoặc [đã ẩn] để chỉ chỗ.");
        assertThat(cases.findByCode(id).orElseThrow().content()).isEqualTo(description);
    }

    @Test
    void aPetitionPostedAsAFormIsCreatedAndPubliclyTrackedWithItsStatutoryDeadline() {
        Open311Http http = new Open311Http(port);
        String description = "Cống thoát nước trước nhà số 12 đường 3 Tháng 2 bị tắc nhiều ngày, nước tràn lên mặt đường gây ngập và mùi hôi.";
        HttpResponse<String> posted = http.postForm(REQUESTS, Open311Http.form("service_code", "PETITION",
                "description", description, "attribute[unit_code]", DemoUsers.COMMUNE_A,
                "address_string", "12 đường 3 Tháng 2, Phường I", "lat", "9.7845", "long", "105.4701",
                "first_name", "Văn Bình", "last_name", "Trần", "email", "binh.open311@example.vn", "phone", "0911000311"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode receipt = Open311Http.json(posted);
        assertThat(receipt.isArray()).isTrue();
        String id = receipt.get(0).get("service_request_id").asText();
        assertThat(id).startsWith("PA-");
        assertThat(receipt.get(0).get("pin").asText()).matches("\\d{6}");
        assertThat(receipt.get(0).get("service_notice").asText()).contains("mã PIN chỉ hiển thị một lần");
        assertThat(receipt.get(0).has("account_id")).isTrue();
        assertThat(receipt.get(0).get("account_id").isNull()).isTrue();
        assertThat(receipt.get(0).get("token").isNull()).isTrue();

        CitizenCase stored = cases.findByCode(id).orElseThrow();
        assertThat(stored.channel()).isEqualTo(Channel.OPEN311);
        assertThat(stored.kind()).isEqualTo(CaseKind.PETITION);
        assertThat(stored.title()).isEqualTo(description.substring(0, 80).strip());
        assertThat(stored.content()).isEqualTo(description);
        assertThat(stored.citizenName()).isEqualTo("Trần Văn Bình");
        assertThat(stored.citizenAddress()).isEqualTo("12 đường 3 Tháng 2, Phường I (9.7845, 105.4701)");
        assertThat(stored.citizenContact()).isEqualTo("0911000311, binh.open311@example.vn");
        assertThat(stored.anonymous()).isFalse();

        for (String path : List.of("/open311/v2/requests/" + id + ".json", "/open311/v2/requests/" + id)) {
            HttpResponse<String> one = http.get(path);
            assertThat(one.statusCode()).as(path).isEqualTo(200);
            JsonNode request = Open311Http.json(one);
            assertThat(request.size()).isEqualTo(1);
            JsonNode r = request.get(0);
            assertThat(r.get("service_request_id").asText()).isEqualTo(id);
            assertThat(r.get("status").asText()).isEqualTo("open");
            assertThat(r.get("service_code").asText()).isEqualTo("PETITION");
            assertThat(r.get("service_name").asText()).isEqualTo("Kiến nghị, phản ánh");
            assertThat(r.get("description").asText()).isEqualTo(description);
            assertThat(r.get("agency_responsible").asText()).isEqualTo("Phường I");
            assertThat(r.get("requested_datetime").asText()).endsWith("+07:00");
            Instant deadline = stored.statutoryDeadline() != null ? stored.statutoryDeadline() : stored.nextDeadline();
            assertThat(deadline).isNotNull();
            assertThat(r.get("expected_datetime").asText()).endsWith("+07:00");
            assertThat(OffsetDateTime.parse(r.get("expected_datetime").asText()).toInstant())
                    .isEqualTo(deadline.truncatedTo(ChronoUnit.SECONDS));
            assertThat(OffsetDateTime.parse(r.get("requested_datetime").asText()).toInstant())
                    .isEqualTo(stored.receivedAt().truncatedTo(ChronoUnit.SECONDS));
        }

        assertThat(ids(http.get(REQUESTS))).contains(id);
        assertThat(ids(http.get(REQUESTS + "?service_code=PETITION&status=open"))).contains(id);
        assertThat(ids(http.get(REQUESTS + "?service_code=COMPLAINT"))).doesNotContain(id);
        assertThat(ids(http.get(REQUESTS + "?status=closed"))).doesNotContain(id);
        assertThat(ids(http.get(REQUESTS + "?start_date=2000-01-01&end_date=2000-12-31"))).isEmpty();
        assertThat(ids(http.get(REQUESTS + "?service_request_id=" + id))).containsExactly(id);
    }

    @Test
    void aDenunciationNeverAppearsAndItsIdIsAnsweredLikeAnUnknownOne() {
        Receipt denunciation = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "Tố cáo cán bộ thu tiền trái phép", "Cán bộ phường thu tiền khi cấp giấy xác nhận, không có biên lai.",
                "Lê Thị Bí Mật", "45 đường Trần Hưng Đạo, Phường I", "0988777666", false, null, null), "test");
        String code = denunciation.trackingCode();
        Open311Http http = new Open311Http(port);

        HttpResponse<String> list = http.get(REQUESTS);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(ids(list)).isNotEmpty().doesNotContain(code);
        assertThat(list.body()).doesNotContain(code, "Tố cáo cán bộ thu tiền", "Cán bộ phường thu tiền", "DENUNCIATION");
        assertThat(ids(http.get(REQUESTS + "?service_request_id=" + code))).isEmpty();

        HttpResponse<String> hidden = http.get("/open311/v2/requests/" + code + ".json");
        HttpResponse<String> unknown = http.get("/open311/v2/requests/PA-2000-ZZZZZZ.json");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode error = Open311Http.json(hidden).get(0);
        assertThat(error.get("code").asInt()).isEqualTo(404);
        assertThat(error.get("description").asText().replace(code, "X"))
                .isEqualTo(Open311Http.json(unknown).get(0).get("description").asText().replace("PA-2000-ZZZZZZ", "X"));
        assertThat(hidden.body()).doesNotContain("tố cáo", "Tố cáo");
    }

    @Test
    void badPostsAreRefusedInVietnameseAndCreateNothing() {
        Open311Http http = new Open311Http(port);
        String text = "Đề nghị sửa đường hẻm 7 bị sụt lún.";
        Map<Map<String, String>, String> cases = Map.of(
                Open311Http.form("service_code", "DUONG_XA", "description", text, "jurisdiction_id", DemoUsers.COMMUNE_A),
                "Không có loại đơn",
                Open311Http.form("service_code", "DENUNCIATION", "description", text, "jurisdiction_id", DemoUsers.COMMUNE_A,
                        "first_name", "An", "last_name", "Nguyễn", "phone", "0900000001"),
                "Không tiếp nhận tố cáo",
                Open311Http.form("service_code", "PETITION", "jurisdiction_id", DemoUsers.COMMUNE_A),
                "description: Không được để trống",
                Open311Http.form("service_code", "PETITION", "description", text, "attribute[unit_code]", "hg-khong-co-xa-nay"),
                "Không có đơn vị \"hg-khong-co-xa-nay\"",
                Open311Http.form("description", text, "jurisdiction_id", DemoUsers.COMMUNE_A),
                "Thiếu service_code",
                Open311Http.form("service_code", "COMPLAINT", "description", text, "jurisdiction_id", DemoUsers.COMMUNE_A),
                "Khiếu nại phải ghi rõ họ tên",
                Open311Http.form("service_code", "PETITION", "description", text, "jurisdiction_id", DemoUsers.COMMUNE_A,
                        "lat", "bắc", "long", "105.47"),
                "Tọa độ không hợp lệ");
        cases.forEach((form, expected) -> {
            long before = rows();
            HttpResponse<String> response = http.postForm(REQUESTS, form);
            assertThat(response.statusCode()).as(form + " " + response.body()).isEqualTo(400);
            JsonNode errors = Open311Http.json(response);
            assertThat(errors.isArray()).isTrue();
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(400);
            List<String> descriptions = new ArrayList<>();
            errors.forEach(e -> descriptions.add(e.get("description").asText()));
            assertThat(String.join(" ", descriptions)).as(form.toString()).contains(expected);
            assertThat(rows()).as(form.toString()).isEqualTo(before);
        });
    }

    @Test
    void errorsAreInEnglishWhenAsked() {
        HttpResponse<String> response = new Open311Http(port).postForm(REQUESTS, Open311Http.form("service_code", "POTHOLE",
                "description", "A hole in the road.", "jurisdiction_id", DemoUsers.COMMUNE_A), "Accept-Language", "en");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Open311Http.json(response).get(0).get("description").asText()).contains("There is no service_code \"POTHOLE\"");
        HttpResponse<String> missing = new Open311Http(port).postForm("/open311/v2/requests",
                Open311Http.form("service_code", "PETITION", "jurisdiction_id", DemoUsers.COMMUNE_A), "Accept-Language", "en");
        assertThat(Open311Http.json(missing).get(0).get("description").asText()).isEqualTo("Parameter description: Must not be empty.");
    }

    @Test
    void jsonIsAcceptedAndAReplayedIdempotencyKeyIsAConflictThatCreatesNothing() {
        Open311Http http = new Open311Http(port);
        String key = "open311-" + UUID.randomUUID();
        String json = """
                {"service_code": "ANONYMOUS_INFO", "description": "Bãi rác tự phát ở cuối hẻm 9 chưa được dọn.",
                 "attribute": {"unit_code": "%s"}, "lat": 9.78, "long": 105.47}""".formatted(DemoUsers.COMMUNE_A);
        HttpResponse<String> first = http.postJson(REQUESTS, json, "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String id = Open311Http.json(first).get(0).get("service_request_id").asText();
        assertThat(cases.findByCode(id).orElseThrow().anonymous()).isTrue();
        long before = rows();
        HttpResponse<String> again = http.postJson(REQUESTS, json, "Idempotency-Key", key);
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode error = Open311Http.json(again).get(0);
        assertThat(error.get("code").asInt()).isEqualTo(409);
        assertThat(error.get("description").asText()).contains(id);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void noGetResponseCarriesPersonalData() {
        Open311Http http = new Open311Http(port);
        HttpResponse<String> posted = http.postForm(REQUESTS, Open311Http.form("service_code", "PETITION",
                "description", "Đèn đường ở ngã ba Khu vực 2 tắt từ tuần trước.", "jurisdiction_id", DemoUsers.COMMUNE_A,
                "address_string", "Ngã ba Khu vực 2, số 77 Hẻm Riêng Tư", "first_name", "Thị Kín", "last_name", "Phạm",
                "email", "kin.rieng.tu@example.vn", "phone", "0977123456"));
        String id = Open311Http.json(posted).get(0).get("service_request_id").asText();
        intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A, "Tố cáo sai phạm đất đai",
                "Cán bộ địa chính nhận tiền để hợp thức hóa đất lấn chiếm.", "Hoàng Văn Giấu Tên", "9 đường Bí Mật",
                "0966555444", false, null, null), "test");
        List<String> personal = List.of("Phạm Thị Kín", "kin.rieng.tu", "0977123456", "Hẻm Riêng Tư",
                "Hoàng Văn Giấu Tên", "Bí Mật", "0966555444", "Trần Văn Bình", "0911000311");
        for (String path : List.of(REQUESTS, "/open311/v2/requests", REQUESTS + "?status=open",
                "/open311/v2/requests/" + id + ".json", "/open311/v2/services.json")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain(personal);
            assertThat(response.body()).as(path).doesNotContain("\"address\"", "\"lat\"", "\"long\"", "first_name", "email");
        }
        assertThat(ids(http.get(REQUESTS))).contains(id);
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from citizen_case", Long.class);
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Open311Http.json(response).forEach(r -> ids.add(r.get("service_request_id").asText()));
        return ids;
    }

    @Test
    void aComplaintShowsItsTitleNeverItsText(@org.springframework.beans.factory.annotation.Autowired
            vn.qcdc.cases.CaseIntake intake) throws Exception {
        var receipt = intake.submit(vn.qcdc.cases.Submission.of(vn.qcdc.cases.CaseKind.COMPLAINT,
                vn.qcdc.cases.Channel.PORTAL, DemoUsers.COMMUNE_A, "Khiếu nại quyết định xử phạt",
                "Tôi bị phạt sai, hoàn cảnh gia đình riêng tư.", "Nguyễn Văn Riêng", "Khu vực 1", "0900000009", false,
                null, null), "test");
        var request = Open311Http.json(new Open311Http(port).get("/open311/v2/requests/" + receipt.trackingCode() + ".json"));
        assertThat(request.get(0).get("description").asText()).isEqualTo("Khiếu nại quyết định xử phạt");
        assertThat(request.toString()).doesNotContain("riêng tư").doesNotContain("Nguyễn Văn Riêng");
    }
}
