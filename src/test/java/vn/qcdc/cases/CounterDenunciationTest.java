package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * A denunciation recorded at the counter through the start form, as Tasklist submits it: the denouncer's
 * identity reaches the vault and nothing of it the engine's runtime or history tables.
 */
@QcdcTest
class CounterDenunciationTest {

    static final String NAME = "Lê Thị Quầybímật";
    static final String ADDRESS = "Số 7 hẻm Bímật";
    static final String PHONE = "0911222333";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseRepository cases;
    @Autowired
    IdentityVault vault;
    @Autowired
    HistoryService historyService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    CounterIdentityCleanup cleanup;

    @Test
    void theDenouncersIdentityNeverReachesTheEngine() {
        String instance = recordAtTheCounter();
        String code = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("openedCodes").singleResult().getValue().toString();
        CitizenCase denunciation = cases.findByCode(code).orElseThrow();
        assertThat(denunciation.kind()).isEqualTo(CaseKind.DENUNCIATION);
        assertThat(denunciation.citizenName()).isNull();
        assertThat(vault.read(denunciation.id(), "test", "test").orElseThrow().name()).isEqualTo(NAME);
        assertNoTraceInTheEngine(instance);
    }

    @Test
    void anUpgradedDatabaseHasItsCounterIdentitiesMovedIntoTheVault() throws Exception {
        String instance = recordAtTheCounter();
        String code = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("openedCodes").singleResult().getValue().toString();
        long caseId = cases.findByCode(code).orElseThrow().id();
        // as the engine kept them before: plain variables, runtime and history, and no vault entry
        runtimeService.setVariables(instance, java.util.Map.of("citizenName", NAME, "citizenAddress", ADDRESS,
                "citizenContact", PHONE));
        jdbc.update("delete from identity_access where case_id = ?", caseId);
        jdbc.update("delete from denouncer_identity where case_id = ?", caseId);

        cleanup.run(null);

        assertThat(vault.read(caseId, "test", "test").orElseThrow())
                .isEqualTo(new IdentityVault.DenouncerIdentity(NAME, ADDRESS, PHONE));
        assertNoTraceInTheEngine(instance);
    }

    private String recordAtTheCounter() {
        WebSession officer = new WebSession(port);
        officer.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        HttpResponse<String> start = officer.camunda("POST",
                "/camunda/api/engine/engine/default/process-definition/key/reception-intake/submit-form",
                "{\"variables\": {"
                        + "\"channel\": {\"value\": \"IN_PERSON\", \"type\": \"String\"},"
                        + "\"kinds\": {\"value\": \"[\\\"DENUNCIATION\\\"]\", \"type\": \"Json\"},"
                        + "\"unitCode\": {\"value\": \"" + DemoUsers.COMMUNE_A + "\", \"type\": \"String\"},"
                        + "\"title\": {\"value\": \"Tố cáo tại quầy\", \"type\": \"String\"},"
                        + "\"content\": {\"value\": \"Cán bộ địa chính đòi tiền.\", \"type\": \"String\"},"
                        + "\"anonymous\": {\"value\": false, \"type\": \"Boolean\"},"
                        + "\"citizenName\": {\"value\": \"" + NAME + "\", \"type\": \"String\"},"
                        + "\"citizenAddress\": {\"value\": \"" + ADDRESS + "\", \"type\": \"String\"},"
                        + "\"citizenContact\": {\"value\": \"" + PHONE + "\", \"type\": \"String\"}}}");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
        return start.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private void assertNoTraceInTheEngine(String instance) {
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table
                    + " where NAME_ in ('citizenName', 'citizenAddress', 'citizenContact')", Long.class))
                    .as(table).isZero();
            for (String secret : List.of(NAME, ADDRESS, PHONE)) {
                assertThat(jdbc.queryForObject("select count(*) from " + table + " where TEXT_ like ? or TEXT2_ like ?",
                        Long.class, "%" + secret + "%", "%" + secret + "%")).as(table + " holds " + secret).isZero();
            }
        }
        // and through the doors an auditor or an admin would use
        for (String user : List.of("kiemtoan", "quantri")) {
            for (String path : List.of("/engine-rest/history/variable-instance?processInstanceId=" + instance,
                    "/engine-rest/history/detail?processInstanceId=" + instance,
                    "/engine-rest/variable-instance?processInstanceIdIn=" + instance)) {
                HttpResponse<String> read = WebSession.basic(port, "GET", path, user, DemoUsers.PASSWORD, null);
                assertThat(read.body()).as(user + " " + path).doesNotContain(NAME).doesNotContain(PHONE)
                        .doesNotContain(ADDRESS).doesNotContain("citizenName");
            }
        }
    }
}
