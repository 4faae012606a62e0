package vn.qcdc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** One sign-in, and the engine's authorizations deciding what each officer sees, on every way in. */
@QcdcTest
class AccessControlTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    OrgUnitRepository units;
    @Autowired
    TaskService taskService;

    String taskOfA;
    String taskOfB;

    @BeforeEach
    void oneOpenTaskInEachCommune() {
        taskOfA = openTaskIn(DemoUsers.COMMUNE_A);
        taskOfB = openTaskIn(DemoUsers.COMMUNE_B);
    }

    private String openTaskIn(String unitCode) {
        var receipt = intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, unitCode, "Kiểm tra quyền", "Nội dung",
                "Công dân", "Ấp 1", "0900000000", false, null, null), "test");
        String processInstanceId = cases.findByCode(receipt.trackingCode()).orElseThrow().processInstanceId();
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    @Test
    void everyDemoRoleSignsInAndSeesItsRole() {
        for (String[] account : DemoUsers.ONE_PER_ROLE) {
            WebSession session = new WebSession(port);
            HttpResponse<String> login = session.signIn(account[0], DemoUsers.PASSWORD);
            assertThat(login.statusCode()).as(account[0]).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).as(account[0]).doesNotContain("error");
            HttpResponse<String> home = session.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).as(account[0]).contains("role-badge");
        }
    }

    @Test
    void wrongPasswordGetsAPlainMessage() {
        WebSession session = new WebSession(port);
        // its own account: after a failed attempt Camunda delays that user's next sign-in
        HttpResponse<String> login = session.signIn("ttnd.cd", "not-the-password");
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        HttpResponse<String> page = session.get("/login?error");
        assertThat(page.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng")
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(session.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void engineRestShowsOnlyTheOfficersOwnUnit() {
        HttpResponse<String> tasks = WebSession.basic(port, "GET", "/engine-rest/task?maxResults=1000", "tiepdan.p1",
                DemoUsers.PASSWORD, null);
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).contains(taskOfA).doesNotContain(taskOfB);

        HttpResponse<String> direct = WebSession.basic(port, "GET", "/engine-rest/task/" + taskOfB, "tiepdan.p1",
                DemoUsers.PASSWORD, null);
        assertThat(direct.statusCode()).isIn(403, 404);
        assertThat(direct.body()).doesNotContain("at org.");

        HttpResponse<String> complete = WebSession.basic(port, "POST", "/engine-rest/task/" + taskOfB + "/complete",
                "tiepdan.p1", DemoUsers.PASSWORD, "{}");
        assertThat(complete.statusCode()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(taskOfB).count()).isEqualTo(1);
    }

    @Test
    void anOfficerCannotMakeAnotherUnitsTaskTheirOwnToSeeIt() {
        // task lists read the candidates and assignees: becoming one of them is the way in an attacker would try
        int linksBefore = taskService.getIdentityLinksForTask(taskOfB).size();
        for (String[] attempt : new String[][] {
                {"/engine-rest/task/" + taskOfB + "/identity-links", "{\"userId\":\"tiepdan.p1\",\"type\":\"candidate\"}"},
                {"/engine-rest/task/" + taskOfB + "/identity-links",
                        "{\"groupId\":\"" + DemoUsers.COMMUNE_A + ":reception-officer\",\"type\":\"candidate\"}"},
                {"/engine-rest/task/" + taskOfB + "/assignee", "{\"userId\":\"tiepdan.p1\"}"},
                {"/engine-rest/task/" + taskOfB + "/claim", "{\"userId\":\"tiepdan.p1\"}"},
                {"/engine-rest/task/" + taskOfB + "/delegate", "{\"userId\":\"tiepdan.p1\"}"}}) {
            HttpResponse<String> response = WebSession.basic(port, "POST", attempt[0], "tiepdan.p1", DemoUsers.PASSWORD,
                    attempt[1]);
            assertThat(response.statusCode()).as(attempt[0] + " " + attempt[1]).isIn(403, 404);
            assertThat(response.body()).doesNotContain("at org.");
        }
        assertThat(taskService.getIdentityLinksForTask(taskOfB)).hasSize(linksBefore);
        assertThat(taskService.createTaskQuery().taskId(taskOfB).singleResult().getAssignee()).isNull();
        HttpResponse<String> tasks = WebSession.basic(port, "GET", "/engine-rest/task?maxResults=1000", "tiepdan.p1",
                DemoUsers.PASSWORD, null);
        assertThat(tasks.body()).contains(taskOfA).doesNotContain(taskOfB);
    }

    @Test
    void engineRestNeedsASignIn() {
        assertThat(WebSession.basic(port, "GET", "/engine-rest/task", "giamsat.cd", "wrong", null).statusCode())
                .isEqualTo(401);
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(anonymous.getJson("/api/rules/petition.respond/due?receivedAt=2026-11-20T08:00:00Z").statusCode())
                .isEqualTo(401);
        assertThat(anonymous.get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void tasklistApiAndOurPagesShowOnlyTheOfficersOwnUnit() {
        WebSession session = new WebSession(port);
        session.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        HttpResponse<String> tasklist = session.getJson("/camunda/api/engine/engine/default/task?maxResults=1000");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.body()).contains(taskOfA).doesNotContain(taskOfB);

        WebSession other = new WebSession(port);
        other.signIn("tiepdan.cd", DemoUsers.PASSWORD);
        assertThat(other.getJson("/camunda/api/engine/engine/default/task?maxResults=1000").body())
                .contains(taskOfB).doesNotContain(taskOfA);

        HttpResponse<String> home = session.get("/?lang=vi");
        // the home page lists the unit's tasks nearest their deadline: all of them the officer's unit's
        var listed = java.util.regex.Pattern.compile("data-task-id=\"([^\"]+)\"").matcher(home.body()).results()
                .map(m -> m.group(1)).toList();
        var ownUnits = taskService.createTaskQuery().taskCandidateGroup(DemoUsers.COMMUNE_A + ":reception-officer").list()
                .stream().map(org.camunda.bpm.engine.task.Task::getId).toList();
        assertThat(listed).isNotEmpty().doesNotContain(taskOfB);
        assertThat(ownUnits).containsAll(listed);
    }

    @Test
    void eachCamundaAppIsOfferedOnlyToItsRoles() {
        assertThat(appsOf("tiepdan.p1")).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(appsOf("kiemtoan")).contains("cockpit").doesNotContain("tasklist", "\"admin\"");
        assertThat(appsOf("quantri")).contains("tasklist", "cockpit", "admin");
    }

    private String appsOf(String user) {
        WebSession session = new WebSession(port);
        session.signIn(user, DemoUsers.PASSWORD);
        // as in a browser: opening an app hands the signed-in user over to Camunda
        assertThat(session.get("/camunda/app/welcome/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> me = session.getJson("/camunda/api/admin/auth/user/default");
        assertThat(me.statusCode()).as(user).isEqualTo(200);
        return me.body().replace("\"userId\":\"" + user + "\"", "");
    }

    @Test
    void auditorReadsAllHistoryAndChangesNothing() {
        HttpResponse<String> history = WebSession.basic(port, "GET", "/engine-rest/history/task?maxResults=100000",
                "kiemtoan", DemoUsers.PASSWORD, null);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains(taskOfA, taskOfB);
        HttpResponse<String> complete = WebSession.basic(port, "POST", "/engine-rest/task/" + taskOfA + "/complete",
                "kiemtoan", DemoUsers.PASSWORD, "{}");
        assertThat(complete.statusCode()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(taskOfA).count()).isEqualTo(1);
    }

    @Test
    void startingAProcessNeedsAnExplicitGrant() {
        HttpResponse<String> start = WebSession.basic(port, "POST", "/engine-rest/process-definition/key/petition/start",
                "xuly.p1", DemoUsers.PASSWORD, "{}");
        assertThat(start.statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheCamundaSessionToo() {
        WebSession session = new WebSession(port);
        session.signIn("xuly.p1", DemoUsers.PASSWORD);
        assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(session.getJson("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
        HttpResponse<String> logout = session.signOut();
        assertThat(logout.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(session.getJson("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
    }
}
