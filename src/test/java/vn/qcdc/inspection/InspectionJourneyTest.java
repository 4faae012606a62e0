package vn.qcdc.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FormLists;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * An inspection of two communes over real HTTP: every step through /engine-rest with the demo users' own accounts
 * (Camunda authorizations apply), the facts page for the team. Bad input and outsiders change nothing.
 */
@QcdcTest
class InspectionJourneyTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ObjectMapper JSON = new ObjectMapper();
    static final int YEAR = LocalDate.now(VN).getYear();
    static final String A = DemoUsers.COMMUNE_A;
    static final String B = DemoUsers.COMMUNE_B;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InspectionStore store;
    @Autowired
    InspectionFindings findings;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void twoCommunesAreInspectedFromPlanToVerifiedRemediation() throws Exception {
        LocalDate day = LocalDate.now(VN).plusDays(10);
        String start = "/engine-rest/process-definition/key/inspection-plan/submit-form";

        // bad plans are refused in Vietnamese and create nothing; only steering secretaries start plans
        long plans = count("inspection_plan");
        long planUnits = count("inspection_plan_unit");
        HttpResponse<String> noUnits = rest("POST", start, "thuky.hg", form("year", YEAR, "units", "",
                "inspectionDate", day.toString(), "team", "kiemtra.hg", "lead", "kiemtra.hg", "targets", "2, 3, 8"));
        assertThat(noUnits.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(noUnits.body()).contains("ít nhất một đơn vị");
        HttpResponse<String> notInspector = rest("POST", start, "thuky.hg", form("year", YEAR, "units", A,
                "inspectionDate", day.toString(), "team", "kiemtra.hg, truong.p1", "lead", "kiemtra.hg", "targets", ""));
        assertThat(notInspector.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(notInspector.body()).contains("truong.p1");
        assertThat(rest("POST", start, "kiemtra.hg", form("year", YEAR, "units", A, "inspectionDate", day.toString(),
                "team", "kiemtra.hg", "lead", "kiemtra.hg", "targets", "")).statusCode()).isEqualTo(403);
        assertThat(count("inspection_plan")).isEqualTo(plans);
        assertThat(count("inspection_plan_unit")).isEqualTo(planUnits);

        ok(rest("POST", start, "thuky.hg", form("year", YEAR, "units", A + ", " + B, "inspectionDate", day.toString(),
                "team", "kiemtra.hg", "lead", "kiemtra.hg", "targets", "2, 3, 8")));
        long planId = jdbc.queryForObject("select max(id) from inspection_plan where drafted_by = 'thuky.hg'", Long.class);
        assertThat(store.plan(planId).orElseThrow().steeringUnit()).isEqualTo("hg");

        // the head returns the plan, the secretary revises it, the head approves
        ok(rest("POST", "/engine-rest/task/" + task("approve-plan", "planId", planId, "truongbcd.hg") + "/submit-form",
                "truongbcd.hg", form("decision", "RETURN", "headComment", "Thêm chỉ tiêu 4")));
        ok(rest("POST", "/engine-rest/task/" + task("revise-plan", "planId", planId, "thuky.hg") + "/submit-form", "thuky.hg",
                form("year", YEAR, "units", A + ", " + B, "inspectionDate", day.toString(), "team", "kiemtra.hg",
                        "lead", "kiemtra.hg", "targets", "2, 3, 4, 8")));
        ok(rest("POST", "/engine-rest/task/" + task("approve-plan", "planId", planId, "truongbcd.hg") + "/submit-form",
                "truongbcd.hg", form("decision", "APPROVE", "headComment", "Đồng ý")));
        assertThat(store.plan(planId).orElseThrow().status()).isEqualTo(InspectionStore.Plan.Status.APPROVED);
        long puA = store.planUnitOf(planId, A);
        long puB = store.planUnitOf(planId, B);
        assertThat(store.planUnit(puA).orElseThrow().notifiedAt()).isNotNull();

        // self-reports by the unit heads
        List<Map<String, String>> report = FormLists.rows(List.of("target", "text", "evidence"), "2", "Không có vụ việc",
                "Báo cáo năm", "3", "Có tổ QCDC", "", "4", "Niêm yết tại trụ sở", "", "8", "Hai buổi", "");
        ok(rest("POST", "/engine-rest/task/" + task("self-report", "planUnitId", puA, "truong.p1") + "/submit-form",
                "truong.p1", form("selfReport", report)));
        ok(rest("POST", "/engine-rest/task/" + task("self-report", "planUnitId", puB, "truong.cd") + "/submit-form",
                "truong.cd", form("selfReport", report)));

        // outsiders: an inspector outside the team neither sees nor works the task, nor reads the page
        String checklistA = task("inspect-checklist", "planUnitId", puA, "kiemtra.hg");
        assertThat(JSON.readTree(rest("GET", "/engine-rest/task?taskDefinitionKey=inspect-checklist", "kiemtra2.hg", null)
                .body()).size()).isZero();
        assertThat(rest("POST", "/engine-rest/task/" + checklistA + "/submit-form", "kiemtra2.hg",
                form("checklist", checklist("2", "MET", "", "", "3", "MET", "", "", "4", "MET", "", "", "8", "MET", "", ""))).statusCode()).isIn(403, 404);
        assertThat(signedIn("kiemtra2.hg").get("/inspections/units/" + puA).statusCode()).isIn(403, 404);
        assertThat(signedIn("truong.p1").get("/inspections/units/" + puA).statusCode()).isIn(403, 404);
        assertThat(signedIn("kiemtra.hg").get("/inspections/units/999999").statusCode()).isEqualTo(404);

        // the team's page: facts beside each target
        WebSession team = signedIn("kiemtra.hg");
        HttpResponse<String> page = team.get("/inspections/units/" + puA);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Số cán bộ, công chức của đơn vị", "Số buổi đối thoại đã tổ chức năm " + YEAR,
                "Chưa có dữ liệu công khai nào được ghi nhận", "Có tổ QCDC");
        assertThat(team.get("/inspections/units/" + puA + "?lang=en").body()).contains("Dialogues held in " + YEAR,
                "No disclosures recorded yet");
        assertThat(team.get("/inspections/units/" + puA + "?lang=vi").statusCode()).isEqualTo(200);
        assertThat(signedIn("thuky.hg").get("/inspections/units/" + puA).statusCode()).isEqualTo(200);
        assertThat(signedIn("kiemtoan").get("/inspections/units/" + puA).statusCode()).isEqualTo(200);

        // a checklist item without a verdict is refused and saves nothing
        HttpResponse<String> noVerdict = rest("POST", "/engine-rest/task/" + checklistA + "/submit-form", "kiemtra.hg",
                form("checklist", checklist("2", "MET", "", "", "3", "", "chưa rõ", "", "4", "MET", "", "", "8", "MET", "", "")));
        assertThat(noVerdict.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(noVerdict.body()).contains("Chỉ tiêu 3 chưa có kết luận");
        assertThat(store.checklist(puA)).isEmpty();
        ok(rest("POST", "/engine-rest/task/" + checklistA + "/submit-form", "kiemtra.hg",
                form("checklist", checklist("2", "MET", "", "", "3", "MET", "Quyết định thành lập tổ", "",
                        "4", "PARTLY_MET", "", "", "8", "NOT_MET", "", "Mới một buổi"))));
        ok(rest("POST", "/engine-rest/task/" + task("inspect-checklist", "planUnitId", puB, "kiemtra.hg") + "/submit-form",
                "kiemtra.hg", form("checklist", checklist("2", "NOT_MET", "Đơn thư", "", "3", "MET", "", "",
                        "4", "MET", "", "", "8", "MET", "", ""))));
        assertThat(team.get("/inspections/units/" + puA).body()).contains("Đạt một phần", "Mới một buổi");

        // conclusions by the lead, signed by the head
        ok(rest("POST", "/engine-rest/task/" + task("draft-conclusion", "planUnitId", puA, "kiemtra.hg") + "/submit-form",
                "kiemtra.hg", form("conclusion", "Cơ bản thực hiện tốt", "lossOfDemocracy", false,
                        "recommendations", FormLists.rows(List.of("text", "due"), "Tổ chức đối thoại lần hai",
                        day.plusDays(60).toString()))));
        ok(rest("POST", "/engine-rest/task/" + task("draft-conclusion", "planUnitId", puB, "kiemtra.hg") + "/submit-form",
                "kiemtra.hg", form("conclusion", "Để xảy ra mất dân chủ", "lossOfDemocracy", true, "recommendations", List.of())));
        ok(rest("POST", "/engine-rest/task/" + task("sign-conclusion", "planUnitId", puA, "truongbcd.hg") + "/submit-form",
                "truongbcd.hg", form("decision", "SIGN", "headComment", "")));
        ok(rest("POST", "/engine-rest/task/" + task("sign-conclusion", "planUnitId", puB, "truongbcd.hg") + "/submit-form",
                "truongbcd.hg", form("decision", "SIGN", "headComment", "")));
        assertThat(findings.verdicts(YEAR).get(A)).containsEntry(4, InspectionFindings.Verdict.PARTLY_MET)
                .containsEntry(8, InspectionFindings.Verdict.NOT_MET);
        assertThat(findings.verdicts(YEAR).get(B)).containsEntry(2, InspectionFindings.Verdict.NOT_MET);
        assertThat(findings.lossOfDemocracy(YEAR)).contains(B).doesNotContain(A);

        // remediation: done by the unit head, reopened, done again, verified by the team
        ok(rest("POST", "/engine-rest/task/" + task("carry-out-remediation", "planUnitId", puA, "truong.p1") + "/submit-form",
                "truong.p1", form("remediationResult", "Đã lên lịch")));
        ok(rest("POST", "/engine-rest/task/" + task("verify-remediation", "planUnitId", puA, "kiemtra.hg") + "/submit-form",
                "kiemtra.hg", form("verification", "REOPENED", "verifyComment", "Chưa tổ chức")));
        assertThat(store.remediations(puA)).singleElement().extracting(InspectionStore.Remediation::status).isEqualTo(InspectionStore.Remediation.Status.REOPENED);
        ok(rest("POST", "/engine-rest/task/" + task("carry-out-remediation", "planUnitId", puA, "truong.p1") + "/submit-form",
                "truong.p1", form("remediationResult", "Đã tổ chức buổi đối thoại thứ hai")));
        ok(rest("POST", "/engine-rest/task/" + task("verify-remediation", "planUnitId", puA, "kiemtra.hg") + "/submit-form",
                "kiemtra.hg", form("verification", "VERIFIED", "verifyComment", "Đạt")));
        assertThat(store.remediations(puA)).singleElement().extracting(InspectionStore.Remediation::status).isEqualTo(InspectionStore.Remediation.Status.VERIFIED);
        assertThat(team.get("/inspections/units/" + puA).body()).contains("Đã xác minh, đóng");
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("planId", planId).count()).isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** The one task of that key in the plan's (planId) or unit's (planUnitId) processes, as the user sees it. */
    String task(String key, String variable, long value, String user) throws Exception {
        String processKey = variable.equals("planId") ? "inspection-plan"
                : key.contains("remediation") ? "inspection-remediation" : "inspection-unit";
        String instances = String.join(",", runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .variableValueEquals(variable, value).list().stream().map(p -> p.getId()).toList());
        JsonNode tasks = JSON.readTree(rest("GET", "/engine-rest/task?taskDefinitionKey=" + key + "&processInstanceIdIn="
                + instances, user, null).body());
        assertThat(tasks.size()).as(key + " for " + user).isEqualTo(1);
        return tasks.get(0).get("id").asText();
    }

    WebSession signedIn(String user) {
        WebSession w = new WebSession(port);
        assertThat(w.signIn(user, DemoUsers.PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return w;
    }

    HttpResponse<String> rest(String method, String path, String user, String json) {
        return WebSession.basic(port, method, path, user, DemoUsers.PASSWORD, json);
    }

    static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
    }

    static String form(Object... kv) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            // a dynamic list goes as Tasklist sends it: its rows as a Json variable
            variables.put((String) kv[i], v instanceof List<?> rows ? Map.of("value", JSON.writeValueAsString(rows), "type", "Json")
                    : Map.of("value", v, "type", v instanceof Integer ? "Integer" : v instanceof Boolean ? "Boolean" : "String"));
        }
        return JSON.writeValueAsString(Map.of("variables", variables));
    }

    /** The checklist's rows: target, verdict, evidence, remark, … */
    static List<Map<String, String>> checklist(String... values) {
        return FormLists.rows(List.of("target", "verdict", "evidence", "remark"), values);
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
