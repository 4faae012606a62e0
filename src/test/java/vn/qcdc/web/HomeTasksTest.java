package vn.qcdc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * The home page's list of work, read from the board's table and the user's own candidate links instead of the
 * engine's sort of every task of the user's groups, shows exactly what the engine's own query shows each officer,
 * due first, and nothing more when the board's table is forged.
 */
@QcdcTest
class HomeTasksTest {

    static final List<String> OFFICERS = List.of("tiepdan.p1", "xuly.p1", "truong.p1", "tiepdan.cd", "xuly.cd",
            "kiemtra.hg", "kiemtra2.hg");
    static final Pattern TASK_ROW = Pattern.compile("data-task-id=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CaseIntake intake;
    @Autowired
    JdbcTemplate jdbc;

    String deployment;
    Task communeA;

    @BeforeEach
    void workOfEveryShape() {
        for (String unit : List.of(DemoUsers.COMMUNE_A, DemoUsers.COMMUNE_B, DemoUsers.COMMUNE_A)) {
            intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, unit, "Việc trên trang chủ", "Nội dung",
                    "Công dân", "Ấp 1", "0900000000", false, null, null), "test");
        }
        communeA = taskService.createTaskQuery().taskCandidateGroup(DemoUsers.COMMUNE_A + ":reception-officer")
                .orderByTaskCreateTime().desc().listPage(0, 1).get(0);
        communeA.setDueDate(new Date(System.currentTimeMillis() - 400L * 24 * 3600 * 1000));
        taskService.saveTask(communeA);
        // an inspection team's step names its members as candidate users, with no group
        deployment = repositoryService.createDeployment().addModelInstance("home-team.bpmn",
                Bpmn.createExecutableProcess("home-team").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("team-step").camundaCandidateUsers("kiemtra.hg").endEvent().done()).deploy().getId();
        runtimeService.startProcessInstanceByKey("home-team");
        // a task of commune B claimed by its officer
        Task communeB = taskService.createTaskQuery().taskCandidateGroup(DemoUsers.COMMUNE_B + ":reception-officer")
                .listPage(0, 1).get(0);
        taskService.claim(communeB.getId(), "tiepdan.cd");
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        repositoryService.deleteDeployment(deployment, true);
    }

    @Test
    void everyOfficerSeesTheFirstTasksTheEngineGivesThem() {
        int shown = 0;
        for (String user : OFFICERS) {
            List<String> home = homeTasks(user);
            assertThat(home).as(user).isEqualTo(engineDueFirst(user));
            shown += home.size();
        }
        assertThat(shown).as("the comparison has tasks to compare").isGreaterThan(5);
        assertThat(homeTasks("tiepdan.p1")).as("the oldest task of the unit comes first").first()
                .isEqualTo(communeA.getId());
        assertThat(homeTasks("kiemtra.hg")).as("a team step, by its candidate user")
                .contains(teamStep());
        assertThat(homeTasks("kiemtra2.hg")).doesNotContain(teamStep());
    }

    @Test
    void aForgedBoardRowShowsNothingTheEngineDoesNotGrant() {
        jdbc.update("update oversight_task set candidate_group = ?, assignee = ? where task_id = ?",
                DemoUsers.COMMUNE_B + ":reception-officer", "xuly.cd", communeA.getId());
        assertThat(homeTasks("tiepdan.cd")).doesNotContain(communeA.getId());
        assertThat(homeTasks("xuly.cd")).doesNotContain(communeA.getId());
    }

    private String teamStep() {
        return taskService.createTaskQuery().processDefinitionKey("home-team").singleResult().getId();
    }

    private List<String> homeTasks(String user) {
        WebSession session = new WebSession(port);
        session.signIn(user, DemoUsers.PASSWORD);
        Matcher rows = TASK_ROW.matcher(session.get("/").body());
        List<String> ids = new java.util.ArrayList<>();
        while (rows.find()) {
            ids.add(rows.group(1));
        }
        return ids;
    }

    private List<String> engineDueFirst(String user) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identityService.setAuthentication(user, groups);
        try {
            return taskService.createTaskQuery().list().stream()
                    .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.<Date>naturalOrder()))
                            .thenComparing(Task::getCreateTime).thenComparing(Task::getId))
                    .limit(HomeController.TASKS_ON_HOME).map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
