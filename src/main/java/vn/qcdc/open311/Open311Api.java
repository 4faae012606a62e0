package vn.qcdc.open311;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.platform.Refusal;

/**
 * Open311 GeoReport v2 under /open311/v2, in JSON ({@code .json} or no suffix) or XML ({@code .xml}). Denunciations
 * never appear here, and no personal data of a citizen is ever published.
 */
@RestController
@Tag(name = "Open311 GeoReport v2", description = "Kiến nghị, phản ánh, khiếu nại, tin nặc danh theo chuẩn Open311 (JSON, XML);"
        + " không bao giờ có tố cáo, không công bố thông tin cá nhân")
class Open311Api {

    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);
    static final String V2 = "/open311/v2";
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    private static final String SUBMIT = "Gửi đơn: form như chuẩn Open311 (attribute[unit_code] hoặc jurisdiction_id là mã đơn vị)"
            + " hoặc JSON (attribute là đối tượng); trả về mã hồ sơ và mã PIN (pin: chỉ hiển thị một lần)";

    private final Open311Catalogue catalogue;
    private final Open311Requests requests;
    private final Open311Submissions submissions;
    private final Open311Dates dates;
    private final MessageSource messages;

    Open311Api(Open311Catalogue catalogue, Open311Requests requests, Open311Submissions submissions, Open311Dates dates,
            MessageSource messages) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.submissions = submissions;
        this.dates = dates;
        this.messages = messages;
    }

    @GetMapping({V2 + "/services", V2 + "/services.{format}"})
    @Operation(summary = "Danh sách loại đơn nhận qua Open311 (không có tố cáo)")
    ResponseEntity<List<GeoReport.Service>> services(@Parameter(description = "json hoặc xml") @PathVariable(required = false)
            String format, Locale locale) {
        Format answerIn = Format.of(format);
        return answer(answerIn, HttpStatus.OK, catalogue.services(locale));
    }

    @PostMapping(path = {V2 + "/requests", V2 + "/requests.{format}"}, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = SUBMIT,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = GeoReport.NewRequest.class))))
    ResponseEntity<List<GeoReport.Created>> submitForm(@PathVariable(required = false) String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> form,
            @Parameter(description = "Khóa chống gửi trùng: cùng khóa chỉ tạo một hồ sơ")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Locale locale) {
        Format answerIn = Format.of(format);
        return answer(answerIn, HttpStatus.CREATED,
                List.of(submissions.submit(Open311Submissions.fromForm(form), idempotencyKey, locale)));
    }

    @PostMapping(path = {V2 + "/requests", V2 + "/requests.{format}"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = SUBMIT)
    ResponseEntity<List<GeoReport.Created>> submitJson(@PathVariable(required = false) String format,
            @RequestBody GeoReport.NewRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Locale locale) {
        Format answerIn = Format.of(format);
        return answer(answerIn, HttpStatus.CREATED, List.of(submissions.submit(body, idempotencyKey, locale)));
    }

    @GetMapping({V2 + "/requests", V2 + "/requests.{format}"})
    @Operation(summary = "Các đơn gần đây (tối đa 1000; mặc định 90 ngày qua); không có tố cáo, không có thông tin cá nhân")
    ResponseEntity<List<GeoReport.Request>> list(@PathVariable(required = false) String format,
            @Parameter(description = "Mã hồ sơ, cách nhau bởi dấu phẩy (khi có, các bộ lọc khác bị bỏ qua)")
            @RequestParam(name = "service_request_id", required = false) String ids,
            @Parameter(description = "PETITION, COMPLAINT, ANONYMOUS_INFO; cách nhau bởi dấu phẩy")
            @RequestParam(name = "service_code", required = false) String serviceCodes,
            @Parameter(description = "open hoặc closed") @RequestParam(required = false) String status,
            @Parameter(description = "ISO 8601, ví dụ 2026-01-01T00:00:00+07:00 hoặc 2026-01-01")
            @RequestParam(name = "start_date", required = false) String startDate,
            @Parameter(description = "ISO 8601, ví dụ 2026-01-31T23:59:59+07:00 hoặc 2026-01-31")
            @RequestParam(name = "end_date", required = false) String endDate, Locale locale) {
        Format answerIn = Format.of(format);
        List<String> codes = split(ids);
        if (codes != null) {
            return answer(answerIn, HttpStatus.OK, requests.list(new Open311Requests.Query(codes, null, null, null, null), locale));
        }
        Instant to = dates.parse("end_date", endDate, true);
        Instant from = dates.parse("start_date", startDate, false);
        if (from == null) {
            from = (to == null ? dates.now() : to).minus(DEFAULT_WINDOW);
        }
        return answer(answerIn, HttpStatus.OK,
                requests.list(new Open311Requests.Query(null, kinds(serviceCodes), open(status), from, to), locale));
    }

    @GetMapping(V2 + "/requests/{id}")
    @Operation(summary = "Một đơn theo mã hồ sơ ({id}.json hoặc {id}.xml), dạng mảng một phần tử")
    ResponseEntity<List<GeoReport.Request>> one(@Parameter(description = "Mã hồ sơ, có thể kèm .json hoặc .xml")
            @PathVariable String id, Locale locale) {
        int dot = id.lastIndexOf('.');
        Format answerIn = Format.of(dot < 0 ? null : id.substring(dot + 1));
        String code = dot < 0 ? id : id.substring(0, dot);
        // unknown and denunciation codes get the same answer: nothing tells that a denunciation exists
        return answer(answerIn, HttpStatus.OK, List.of(requests.find(code, locale)
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "open311.request.unknown", code))));
    }

    /** Where {@link Open311FrameworkErrors} sends a call Spring MVC refused before any handler ran. */
    @org.springframework.web.bind.annotation.RequestMapping(V2 + "/refused.{format}")
    @io.swagger.v3.oas.annotations.Hidden
    ResponseEntity<List<GeoReport.Error>> refused(HttpServletRequest request, Locale locale) {
        HttpStatus status = (HttpStatus) request.getAttribute(Open311FrameworkErrors.STATUS);
        String key = (String) request.getAttribute(Open311FrameworkErrors.KEY);
        if (status == null || key == null) {
            status = HttpStatus.NOT_FOUND;
            key = "open311.error.not-found";
        }
        return errors(request, status, List.of(messages.getMessage(key, null, locale)));
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<List<GeoReport.Error>> rejected(Refusal e, HttpServletRequest request, Locale locale) {
        Set<String> descriptions = new LinkedHashSet<>();
        for (Refusal.Problem p : e.problems()) {
            descriptions.add(p.field() == null ? p.text(messages, locale) : messages.getMessage("open311.error.parameter",
                    new Object[] {parameterOf(p.field()), p.text(messages, locale)}, locale));
        }
        return errors(request, e.status(), List.copyOf(descriptions));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<List<GeoReport.Error>> unreadable(HttpServletRequest request, Locale locale) {
        return errors(request, HttpStatus.BAD_REQUEST, List.of(messages.getMessage("open311.body.unreadable", null, locale)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<List<GeoReport.Error>> unexpected(Exception e, HttpServletRequest request, Locale locale) {
        if (e instanceof ErrorResponse known) {
            // Spring MVC's own refusals (missing parameter, not acceptable, ...): their status, no stack trace
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return errors(request, status, List.of(messages.getMessage("open311.request.invalid", null, locale)));
        }
        log.error("Unexpected error in Open311 call", e);
        return errors(request, HttpStatus.INTERNAL_SERVER_ERROR, List.of(messages.getMessage("error.internal", null, locale)));
    }

    /** The format is the path's suffix, as the standard has it: {@code .json} (or none) or {@code .xml}. */
    enum Format {
        JSON(MediaType.APPLICATION_JSON), XML(MediaType.APPLICATION_XML);

        private final MediaType mediaType;

        Format(MediaType mediaType) {
            this.mediaType = mediaType;
        }

        static Format of(String suffix) {
            if (suffix == null || suffix.equalsIgnoreCase("json")) {
                return JSON;
            }
            if (suffix.equalsIgnoreCase("xml")) {
                return XML;
            }
            throw new Refusal(HttpStatus.BAD_REQUEST, "open311.format.unsupported", suffix);
        }

        /** The format an error about this request is answered in: XML for a {@code .xml} path, else JSON. */
        static Format ofPath(String path) {
            return path != null && path.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : JSON;
        }
    }

    private static <T> ResponseEntity<List<T>> answer(Format format, HttpStatus status, List<T> body) {
        return ResponseEntity.status(status).contentType(format.mediaType).body(body);
    }

    private static ResponseEntity<List<GeoReport.Error>> errors(HttpServletRequest request, HttpStatus status,
            List<String> descriptions) {
        return answer(Format.ofPath(request.getRequestURI()), status,
                descriptions.stream().map(d -> new GeoReport.Error(status.value(), d)).toList());
    }

    /** Our field names in the words of the Open311 form. */
    private static String parameterOf(String field) {
        return switch (field) {
            case "kind" -> "service_code";
            case "title", "content" -> "description";
            case "citizenName" -> "first_name, last_name";
            case "citizenAddress" -> "address_string";
            case "citizenContact" -> "email, phone";
            case "unitCode" -> "attribute[unit_code], jurisdiction_id";
            case "idempotencyKey" -> "Idempotency-Key";
            case "attachments" -> "media";
            default -> field;
        };
    }

    private List<CaseKind> kinds(String serviceCodes) {
        List<String> codes = split(serviceCodes);
        return codes == null ? null : codes.stream().map(catalogue::kindOf).toList();
    }

    private static Boolean open(String status) {
        List<String> values = split(status);
        if (values == null) {
            return null;
        }
        Set<String> wanted = new LinkedHashSet<>(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
        if (!Set.of("open", "closed").containsAll(wanted)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "open311.status.invalid", status);
        }
        return wanted.size() == 2 ? null : wanted.contains("open");
    }

    private static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return null;
        }
        List<String> parts = Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return parts.isEmpty() ? null : parts;
    }
}
