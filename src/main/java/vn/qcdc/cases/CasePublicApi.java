package vn.qcdc.cases;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.qcdc.platform.Refusal;

/** The citizen's JSON API: file a case, follow it with code and PIN, withdraw it, complain a second time. */
@RestController
@Tag(name = "Đơn của công dân", description = "Complaints, denunciations, petitions: file and follow without signing in")
class CasePublicApi {

    static final String PIN_HEADER = "X-Case-Pin";

    private final CaseIntake intake;
    private final CaseTracking tracking;
    private final CitizenActions actions;

    CasePublicApi(CaseIntake intake, CaseTracking tracking, CitizenActions actions) {
        this.intake = intake;
        this.tracking = tracking;
        this.actions = actions;
    }

    record AttachmentJson(String fileName, String contentBase64) {
    }

    record SubmissionJson(String kind, String unitCode, String title, String content, String citizenName,
            String citizenAddress, String citizenContact, Boolean anonymous, List<AttachmentJson> attachments,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Đồng ý nhận thông báo mỗi khi hồ sơ đổi trạng thái,"
                    + " qua thư điện tử hoặc tin nhắn đến citizenContact (địa chỉ thư điện tử hoặc số di động)")
            @com.fasterxml.jackson.annotation.JsonProperty("notify") Boolean notifyMe) {
    }

    @PostMapping("/api/public/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Gửi đơn (khiếu nại, tố cáo, kiến nghị/phản ánh, tin nặc danh); trả về mã hồ sơ và mã PIN (chỉ một lần)")
    Receipt submit(@RequestBody SubmissionJson body,
            @Parameter(description = "Khóa chống gửi trùng: cùng khóa chỉ tạo một hồ sơ")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return intake.submit(Submission.of(kindOf(body.kind()), Channel.API, body.unitCode(), body.title(), body.content(),
                body.citizenName(), body.citizenAddress(), body.citizenContact(), Boolean.TRUE.equals(body.anonymous()),
                uploads(body.attachments()), idempotencyKey), Boolean.TRUE.equals(body.notifyMe()), "citizen");
    }

    @GetMapping("/api/public/cases/{code}")
    @Operation(summary = "Tra cứu hồ sơ bằng mã hồ sơ và mã PIN (tiêu đề X-Case-Pin)")
    CaseTracking.PublicView track(@PathVariable String code, @RequestHeader(name = PIN_HEADER, required = false) String pin,
            HttpServletRequest request) {
        return tracking.view(code, pin, request.getRemoteAddr());
    }

    @PostMapping("/api/public/cases/{code}/withdraw")
    @Operation(summary = "Rút đơn trước khi có quyết định, kết luận")
    CaseTracking.PublicView withdraw(@PathVariable String code, @RequestHeader(name = PIN_HEADER, required = false) String pin,
            HttpServletRequest request) {
        return actions.withdraw(code, pin, request.getRemoteAddr());
    }

    @PostMapping("/api/public/cases/{code}/second-complaint")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Khiếu nại lần hai lên cấp trên trong thời hạn luật định")
    Receipt secondComplaint(@PathVariable String code, @RequestHeader(name = PIN_HEADER, required = false) String pin,
            HttpServletRequest request) {
        return actions.escalate(code, pin, request.getRemoteAddr());
    }

    /** The citizen's reasons for a further denunciation. */
    record FurtherJson(String reasons) {
    }

    @PostMapping("/api/public/cases/{code}/further-denunciation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tố cáo tiếp lên cơ quan cấp trên khi quá hạn chưa giải quyết hoặc có căn cứ cho rằng kết luận không đúng")
    Receipt furtherDenunciation(@PathVariable String code, @RequestHeader(name = PIN_HEADER, required = false) String pin,
            @RequestBody(required = false) FurtherJson body,
            HttpServletRequest request) {
        return actions.furtherDenounce(code, pin, body == null ? null : body.reasons(), request.getRemoteAddr());
    }

    record RatingJson(String score, String comment) {
    }

    @PostMapping("/api/public/cases/{code}/rating")
    @Operation(summary = "Đánh giá việc giải quyết hồ sơ đã có quyết định, trả lời (1–5 và nhận xét), một lần")
    CaseTracking.PublicView rate(@PathVariable String code, @RequestHeader(name = PIN_HEADER, required = false) String pin,
            @RequestBody RatingJson body, HttpServletRequest request) {
        return actions.rate(code, pin, request.getRemoteAddr(), body.score(), body.comment());
    }

    static CaseKind kindOf(String kind) {
        try {
            return kind == null ? null : CaseKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Upload> uploads(List<AttachmentJson> attachments) {
        if (attachments == null) {
            return List.of();
        }
        return attachments.stream().map(a -> {
            if (a == null) {
                throw Refusal.ofField("attachments", "case.attachment.missing");
            }
            try {
                return new Upload(a.fileName(), a.contentBase64() == null ? new byte[0]
                        : Base64.getMimeDecoder().decode(a.contentBase64()));
            } catch (IllegalArgumentException e) {
                throw Refusal.ofField("attachments", "case.attachment.base64", a.fileName());
            }
        }).toList();
    }
}
