package vn.qcdc.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.organization.ReorganizationService;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/**
 * Whatever is wrong with a filing, nothing is created and the form comes back, as the citizen left it, with a
 * plain Vietnamese message beside the field concerned. Never an error page, never a stack trace.
 */
@QcdcTest
class PortalRefusalTest {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final String CSV_HEADER =
            "action,code,name,type,parent_code,staff_count,has_trade_union,successor_code,effective_date\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    ReorganizationService reorganizations;

    @Test
    void anEmptyFormIsRefusedFieldByField() {
        Map<String, String> empty = new LinkedHashMap<>();
        for (String field : List.of("unitQuery", "unitCode", "title", "content", "citizenName", "citizenAddress",
                "citizenContact")) {
            empty.put(field, "");
        }
        HttpResponse<String> refused = refusedWithoutAnyNewCase(() -> new PortalSession(port).submit(empty));
        assertThat(refused.statusCode()).isEqualTo(400);
        String page = PortalSession.text(refused);
        assertThat(page).contains("Đơn chưa được gửi");
        assertThat(refused.body()).containsPattern("id=\"title\"[^>]*aria-invalid=\"true\"");
        assertThat(errorOf(page, "kind")).contains(vi("case.kind.unknown"));
        assertThat(errorOf(page, "unitCode")).contains(vi("case.unit.required"));
        assertThat(errorOf(page, "title")).contains("Không được để trống.");
        assertThat(errorOf(page, "content")).contains("Không được để trống.");
    }

    @Test
    void aMegabyteOfContentIsRefusedAndTheRestIsKept() {
        String megabyte = "Nội dung rất dài. ".repeat(1024 * 1024 / 20);
        HttpResponse<String> refused = refusedWithoutAnyNewCase(
                () -> new PortalSession(port).submit(Filings.petitionWith("content", megabyte)));
        String page = PortalSession.text(refused);
        assertThat(errorOf(page, "content")).contains(vi("case.field.too-long", 10_000)).contains("Quá dài");
        assertThat(refused.body()).as("the citizen's other values stay in the form")
                .contains("value=\"Đèn đường khu vực 2 hỏng\"", "value=\"Nguyễn Văn An\"", "value=\"0912345678\"",
                        "value=\"" + DemoUsers.COMMUNE_A + "\"")
                .containsPattern("value=\"PETITION\"\\s+checked");
    }

    @Test
    void anUnknownKindIsRefused() {
        HttpResponse<String> refused = refusedWithoutAnyNewCase(
                () -> new PortalSession(port).submit(Filings.petitionWith("kind", "GRIEVANCE")));
        assertThat(errorOf(PortalSession.text(refused), "kind")).contains(vi("case.kind.unknown"));
    }

    @Test
    void anUnknownUnitCodeIsRefused() {
        HttpResponse<String> refused = refusedWithoutAnyNewCase(
                () -> new PortalSession(port).submit(Filings.petitionWith("unitCode", "xa-khong-co")));
        assertThat(errorOf(PortalSession.text(refused), "unitCode"))
                .contains(vi("case.unit.unknown", "xa-khong-co")).contains("Không có đơn vị");
    }

    @Test
    void aDissolvedUnitIsRefusedWithAHintToChooseItsSuccessor() {
        String code = "pt-" + UUID.randomUUID().toString().substring(0, 8);
        reorganizations.apply(new StringReader(CSV_HEADER
                + "CREATE," + code + ",Xã Thử Nghiệm,COMMUNE,hg-vithanh,10,false,,2020-01-01\n"), "portal-create.csv", "test");
        reorganizations.apply(new StringReader(CSV_HEADER
                + "DISSOLVE," + code + ",,,,,,hg-vithanh-p1,2021-01-01\n"), "portal-dissolve.csv", "test");

        HttpResponse<String> refused = refusedWithoutAnyNewCase(
                () -> new PortalSession(port).submit(Filings.petitionWith("unitCode", code)));
        assertThat(errorOf(PortalSession.text(refused), "unitCode"))
                .contains(vi("case.unit.dissolved", "Xã Thử Nghiệm")).contains("đã giải thể");
    }

    @Test
    void anExecutableDisguisedAsAPhotoIsRefused() {
        byte[] executable = new byte[2048];
        Arrays.fill(executable, (byte) 0x90);
        executable[0] = 'M';
        executable[1] = 'Z';
        HttpResponse<String> refused = refusedWithoutAnyNewCase(() -> new PortalSession(port).submit(Filings.petition(),
                new PortalSession.FilePart("attachments", "photo.jpg", "image/jpeg", executable)));
        String page = PortalSession.text(refused);
        assertThat(errorOf(page, "attachments")).contains(vi("case.attachment.type", "photo.jpg"))
                .contains("không phải PDF hoặc ảnh");
        assertThat(page).as("files are never kept in a refused form").contains("vui lòng chọn lại tệp");
    }

    @Test
    void aDenunciationCannotBeAnonymous() {
        HttpResponse<String> refused = refusedWithoutAnyNewCase(() -> new PortalSession(port).submit(
                Filings.petitionWith("kind", "DENUNCIATION", "anonymous", "true", "citizenName", "", "citizenAddress", "",
                        "citizenContact", "")));
        assertThat(errorOf(PortalSession.text(refused), "citizenName")).contains(vi("case.anonymous.denunciation"))
                .contains("Tố cáo phải ghi rõ họ tên");
    }

    @Test
    void theSameFormSentTwiceCreatesOneCase() {
        PortalSession citizen = new PortalSession(port);
        PortalSession.SubmitForm form = citizen.openSubmitForm();
        Map<String, String> fields = Filings.petitionWith("idempotencyKey", form.idempotencyKey());
        HttpResponse<String> first = citizen.postMultipart(form.action(), fields, List.of());
        assertThat(first.statusCode()).isEqualTo(302);
        String code = first.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", "");

        HttpResponse<String> replayed = refusedWithoutAnyNewCase(() -> citizen.postMultipart(form.action(), fields, List.of()));
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(PortalSession.text(replayed)).contains(vi("case.idempotency.replayed", code))
                .contains("đã được ghi nhận trước đó");
    }

    @Test
    void aFileOverTheServersLimitComesBackAsTheFormWithAPlainMessage() {
        HttpResponse<String> refused = refusedWithoutAnyNewCase(() -> new PortalSession(port).submit(Filings.petition(),
                pdf("ho-so-scan.pdf", 11)));
        assertTooLarge(refused);
    }

    @Test
    void anUploadOverTheServersTotalLimitComesBackAsTheFormWithAPlainMessage() {
        HttpResponse<String> refused = refusedWithoutAnyNewCase(() -> new PortalSession(port).submit(Filings.petition(),
                pdf("trang-1.pdf", 9), pdf("trang-2.pdf", 9), pdf("trang-3.pdf", 9)));
        assertTooLarge(refused);
    }

    private static PortalSession.FilePart pdf(String name, int megabytes) {
        byte[] bytes = new byte[megabytes * 1024 * 1024];
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return new PortalSession.FilePart("attachments", name, "application/pdf", bytes);
    }

    private static void assertTooLarge(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(413);
        String page = PortalSession.text(refused);
        assertThat(errorOf(page, "attachments")).contains("Tệp đính kèm quá lớn nên đơn chưa được gửi");
        assertThat(page).as("not mistaken for a forged form").doesNotContain("Không có quyền");
    }

    @Test
    void aRefusedFormSpeaksEnglishWhenAskedTo() {
        PortalSession citizen = new PortalSession(port);
        citizen.get("/portal?lang=en");
        HttpResponse<String> refused = refusedWithoutAnyNewCase(() -> citizen.submit(Filings.petitionWith("title", "")));
        assertThat(errorOf(PortalSession.text(refused), "title"))
                .contains(messages.getMessage("case.field.required", null, Locale.ENGLISH));
        assertThat(PortalSession.text(refused)).contains("Your case has not been sent");
    }

    private HttpResponse<String> refusedWithoutAnyNewCase(Supplier<HttpResponse<String>> filing) {
        long before = cases();
        HttpResponse<String> response = filing.get();
        assertThat(cases()).as("no case created").isEqualTo(before);
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).contains("id=\"submit-form\"").doesNotContain("Exception", "at org.", "at vn.");
        return response;
    }

    private long cases() {
        return jdbc.queryForObject("select count(*) from citizen_case", Long.class);
    }

    private String vi(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    /** The problems shown beside one field (an empty string when there are none). */
    static String errorOf(String page, String field) {
        Matcher m = Pattern.compile("id=\"" + field + "-error\"[^>]*>(.*?)\n</div>", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group(1) : "";
    }
}
