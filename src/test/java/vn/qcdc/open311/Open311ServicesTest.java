package vn.qcdc.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import vn.qcdc.support.QcdcTest;

/** GET services: our public kinds of case, never denunciations, Vietnamese first. */
@QcdcTest
class Open311ServicesTest {

    @LocalServerPort
    int port;

    @Test
    void servicesArePetitionsComplaintsAndAnonymousInformationNeverDenunciations() {
        Open311Http http = new Open311Http(port);
        for (String path : List.of("/open311/v2/services.json", "/open311/v2/services")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode services = Open311Http.json(response);
            List<String> codes = new ArrayList<>();
            services.forEach(s -> codes.add(s.get("service_code").asText()));
            assertThat(codes).containsExactly("PETITION", "COMPLAINT", "ANONYMOUS_INFO");
            assertThat(response.body()).doesNotContain("DENUNCIATION", "\"Tố cáo\"");
            JsonNode petition = services.get(0);
            assertThat(petition.get("service_name").asText()).isEqualTo("Kiến nghị, phản ánh");
            assertThat(petition.get("description").asText()).isNotBlank();
            assertThat(petition.get("metadata").asBoolean(true)).isFalse();
            assertThat(petition.get("type").asText()).isEqualTo("realtime");
            assertThat(petition.get("keywords").asText()).contains("kiến nghị");
            assertThat(petition.get("group").asText()).isNotBlank();
        }
    }

    @Test
    void servicesAreInEnglishWhenAsked() {
        JsonNode services = Open311Http.json(new Open311Http(port).get("/open311/v2/services.json", "Accept-Language", "en"));
        assertThat(services.get(0).get("service_name").asText()).isEqualTo("Petition or reflection");
        assertThat(services.get(1).get("service_name").asText()).isEqualTo("Complaint");
        assertThat(services.toString()).doesNotContain("DENUNCIATION", "\"Denunciation\"");
    }

    @Test
    void otherFormatsThanJsonAndXmlAreRefusedInTheGeoReportErrorFormat() {
        HttpResponse<String> csv = new Open311Http(port).get("/open311/v2/services.csv");
        assertThat(csv.statusCode()).isEqualTo(400);
        JsonNode error = Open311Http.json(csv).get(0);
        assertThat(error.get("code").asInt()).isEqualTo(400);
        assertThat(error.get("description").asText()).contains("JSON", "XML");
    }

    @Test
    void theEndpointsAreInTheOpenApiDescription() {
        String openApi = new Open311Http(port).get("/v3/api-docs").body();
        assertThat(openApi).contains("/open311/v2/services", "/open311/v2/requests", "/open311/v2/requests/{id}",
                "Open311 GeoReport v2");
    }
}
