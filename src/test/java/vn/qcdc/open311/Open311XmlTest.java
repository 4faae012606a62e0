package vn.qcdc.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/** The {@code .xml} suffix: the same answers in GeoReport v2's XML documents, errors too. */
@QcdcTest
class Open311XmlTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void servicesAreAServicesDocumentWithoutDenunciations() throws Exception {
        HttpResponse<String> response = new Open311Http(port).get("/open311/v2/services.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        Element services = xml(response).getDocumentElement();
        assertThat(services.getTagName()).isEqualTo("services");
        List<String> codes = texts(services, "service_code");
        assertThat(codes).containsExactly("PETITION", "COMPLAINT", "ANONYMOUS_INFO");
        assertThat(texts(services, "service_name").get(0)).isEqualTo("Kiến nghị, phản ánh");
        assertThat(texts(services, "metadata").get(0)).isEqualTo("false");
        assertThat(texts(services, "type").get(0)).isEqualTo("realtime");
        assertThat(response.body()).doesNotContain("DENUNCIATION");
    }

    @Test
    void aPetitionPostedForXmlIsAnsweredAndTrackedInXml() throws Exception {
        Open311Http http = new Open311Http(port);
        HttpResponse<String> posted = http.postForm("/open311/v2/requests.xml", Open311Http.form("service_code", "PETITION",
                "description", "Cây đổ chắn lối đi <hẻm 9> & chưa ai dọn.", "attribute[unit_code]", DemoUsers.COMMUNE_A,
                "first_name", "Nam", "last_name", "Phạm", "phone", "0911000312"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        Element created = xml(posted).getDocumentElement();
        assertThat(created.getTagName()).isEqualTo("service_requests");
        String id = texts(created, "service_request_id").get(0);
        assertThat(id).startsWith("PA-");
        assertThat(texts(created, "pin").get(0)).matches("\\d{6}");
        assertThat(texts(created, "account_id")).containsExactly("");

        HttpResponse<String> one = http.get("/open311/v2/requests/" + id + ".xml");
        assertThat(one.statusCode()).isEqualTo(200);
        Element requests = xml(one).getDocumentElement();
        assertThat(requests.getTagName()).isEqualTo("service_requests");
        assertThat(requests.getElementsByTagName("request").getLength()).isEqualTo(1);
        assertThat(texts(requests, "description")).containsExactly("Cây đổ chắn lối đi <hẻm 9> & chưa ai dọn.");
        assertThat(texts(requests, "status")).containsExactly("open");
        assertThat(texts(requests, "agency_responsible")).containsExactly("Phường I");
        assertThat(texts(requests, "expected_datetime").get(0)).endsWith("+07:00");
        assertThat(one.body()).doesNotContain("Phạm", "0911000312");

        assertThat(texts(xml(http.get("/open311/v2/requests.xml?service_code=PETITION")).getDocumentElement(),
                "service_request_id")).contains(id);
    }

    @Test
    void errorsOfAnXmlCallAreAnErrorsDocumentAndCreateNothing() throws Exception {
        Open311Http http = new Open311Http(port);
        long before = jdbc.queryForObject("select count(*) from citizen_case", Long.class);
        HttpResponse<String> refused = http.postForm("/open311/v2/requests.xml", Open311Http.form("service_code", "DENUNCIATION",
                "description", "Tố cáo", "attribute[unit_code]", DemoUsers.COMMUNE_A, "first_name", "A", "phone", "0900000000"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Element errors = xml(refused).getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(texts(errors, "code").get(0)).isEqualTo("400");
        assertThat(texts(errors, "description").get(0)).contains("Không tiếp nhận tố cáo qua Open311");
        assertThat(jdbc.queryForObject("select count(*) from citizen_case", Long.class)).isEqualTo(before);

        // a denunciation's code is answered like an unknown one
        String denunciation = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.PORTAL, DemoUsers.COMMUNE_A,
                "Tố cáo", "Cán bộ thu tiền trái phép.", "Lê Bí Mật", "Phường I", "0988777000", false, null, null), "test")
                .trackingCode();
        for (String code : List.of(denunciation, "PA-2026-NOSUCH")) {
            HttpResponse<String> unknown = http.get("/open311/v2/requests/" + code + ".xml");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(texts(xml(unknown).getDocumentElement(), "code")).containsExactly("404");
            assertThat(unknown.body()).doesNotContain("Lê Bí Mật");
        }

        HttpResponse<String> english = http.get("/open311/v2/requests.xml?status=pending", "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(texts(xml(english).getDocumentElement(), "description").get(0)).contains("status");
    }

    private static Document xml(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body()).startsWith("application/xml");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
