package vn.qcdc.open311;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.swagger.v3.oas.annotations.media.Schema;

/** The documents of Open311 GeoReport v2, as JSON (snake_case names as the standard spells them). */
final class GeoReport {

    private GeoReport() {
    }

    /** One entry of GET services: a kind of case citizens may file here. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "Open311Service")
    record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
            String keywords, String group) {
    }

    /**
     * One entry of GET requests. Privacy first: no name, contact, address or location of the citizen is ever
     * part of it (the standard's address, lat, long, zipcode, media_url are left out on purpose).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "Open311Request")
    record Request(String serviceRequestId, String status, String statusNotes, String serviceName, String serviceCode,
            String description, String agencyResponsible, String requestedDatetime, String updatedDatetime,
            String expectedDatetime) {
    }

    /** The answer to POST requests; {@code pin} is our extension, shown in this response only. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Created")
    record Created(String serviceRequestId, String serviceNotice, String accountId, String token,
            @Schema(description = "Mã PIN tra cứu (mở rộng của QCDC): chỉ hiển thị một lần trong phản hồi này") String pin) {
    }

    /** One GeoReport error; a response carries a list of them. */
    @Schema(name = "Open311Error")
    record Error(int code, String description) {
    }

    /** POST requests as JSON, and the fields of the form post (see the README for attribute[unit_code]). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "Open311NewRequest")
    record NewRequest(
            @Schema(description = "PETITION, COMPLAINT hoặc ANONYMOUS_INFO (xem services.json)") String serviceCode,
            @Schema(description = "Nội dung; 80 ký tự đầu làm tiêu đề") String description,
            @Schema(description = "Mã đơn vị tiếp nhận (nếu không dùng attribute[unit_code])") String jurisdictionId,
            @Schema(description = "attribute[unit_code]: mã đơn vị tiếp nhận (mở rộng của QCDC)") Map<String, String> attribute,
            String addressString,
            String lat,
            @JsonProperty("long") String longitude,
            @Schema(description = "Tên (ghép sau họ: họ tên = last_name + first_name)") String firstName,
            @Schema(description = "Họ") String lastName,
            String email,
            String phone) {
    }
}
