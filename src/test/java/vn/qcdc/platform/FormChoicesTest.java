package vn.qcdc.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * Start forms offer units and people to pick, filled in by the server as the form is fetched, each officer seeing
 * only what they may pick; no form names a choice list nobody fills.
 */
@QcdcTest
class FormChoicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    List<FormChoices> providers;

    @Test
    void aReceptionOfficerIsOfferedTheUnitsWhereTheyReceiveCitizensByName() throws Exception {
        JsonNode unit = component(startForm("reception-intake", "tiepdan.p1"), "unitCode");
        assertThat(unit.has("valuesKey")).isFalse();
        assertThat(values(unit)).containsExactly(DemoUsers.COMMUNE_A);
        assertThat(unit.get("values").get(0).get("label").asText()).isEqualTo("Phường I — Thành phố Vị Thanh");
        assertThat(values(component(startForm("reception-intake", "tiepdan.cd"), "unitCode")))
                .containsExactly(DemoUsers.COMMUNE_B);
    }

    @Test
    void aSecretaryIsOfferedTheUnitsUnderTheirCommitteeAndTheInspectors() throws Exception {
        JsonNode province = startForm("inspection-plan", "thuky.hg");
        assertThat(values(component(province, "units"))).contains("hg", "hg-vithanh", DemoUsers.COMMUNE_A,
                DemoUsers.COMMUNE_B).doesNotContainNull();
        assertThat(values(component(province, "team"))).contains("kiemtra.hg", "kiemtra2.hg").doesNotContain("thuky.hg");
        assertThat(values(component(province, "lead"))).isEqualTo(values(component(province, "team")));
        assertThat(values(component(province, "targets"))).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(component(province, "targets").get("values").get(2).get("label").asText()).startsWith("Chỉ tiêu 3: ");

        JsonNode commune = startForm("selfcriticism-round", "thuky.p1");
        assertThat(values(component(commune, "units"))).containsExactly(DemoUsers.COMMUNE_A);
        JsonNode district = startForm("periodic-review", "thuky.vt");
        assertThat(values(component(district, "units"))).contains("hg-vithanh", DemoUsers.COMMUNE_A)
                .doesNotContain("hg", DemoUsers.COMMUNE_B);
    }

    @Test
    void anOfficerWithoutTheRoleIsOfferedNothing() throws Exception {
        // a reception officer may not start a dialogue: the head's units list is empty for them
        var answer = WebSession.basic(port, "GET", "/engine-rest/process-definition/key/dialogue/deployed-start-form",
                "tiepdan.p1", DemoUsers.PASSWORD, null);
        if (answer.statusCode() == 200) {
            assertThat(values(component(JSON.readTree(answer.body()), "unitCode"))).isEmpty();
        } else {
            assertThat(answer.statusCode()).isEqualTo(403);
        }
        assertThat(values(component(startForm("dialogue", "truong.p1"), "unitCode"))).containsExactly(DemoUsers.COMMUNE_A);
    }

    @Test
    void everyChoiceListAFormNamesIsFilledByTheServerOrByItsTaskListener() throws IOException {
        Set<String> served = new java.util.HashSet<>();
        providers.forEach(p -> served.addAll(p.keys()));
        String java;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
            java = all.toString();
        }
        List<String> unfilled = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                for (String key : valuesKeys(JSON.readTree(form.toFile()), new ArrayList<>())) {
                    if (!served.contains(key) && !java.contains("\"" + key + "\"")) {
                        unfilled.add(form.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(unfilled).isEmpty();
    }

    private JsonNode startForm(String processKey, String user) throws IOException {
        var answer = WebSession.basic(port, "GET", "/engine-rest/process-definition/key/" + processKey
                + "/deployed-start-form", user, DemoUsers.PASSWORD, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode c : form.get("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
        }
        throw new AssertionError("no field " + key);
    }

    private static List<String> values(JsonNode component) {
        List<String> values = new ArrayList<>();
        component.path("values").forEach(v -> values.add(v.get("value").asText()));
        return values;
    }

    private static List<String> valuesKeys(JsonNode node, List<String> into) {
        if (node.path("valuesKey").isTextual()) {
            into.add(node.get("valuesKey").asText());
        }
        node.path("components").forEach(c -> valuesKeys(c, into));
        return into;
    }
}
