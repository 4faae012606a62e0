package vn.qcdc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * A supervisor's Tasklist covers the units they oversee and those below: the shared "Quá hạn" filter lists the
 * ward's task nine days late, and the supervisor can open it (form, variables); they cannot claim or complete it,
 * and a supervisor of commune B sees nothing of commune A.
 */
@QcdcTest
class SupervisorTaskVisibilityTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;
    @Autowired
    CaseIntake intake;

    Task late;

    @BeforeEach
    void aTaskOfCommuneANineDaysLate() {
        String code = intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, DemoUsers.COMMUNE_A, "Đèn đường hỏng",
                "Nội dung", "Công dân", "Ấp 1", "0900000000", false, null, null), "test").trackingCode();
        late = taskService.createTaskQuery().processVariableValueEquals("caseCode", code).singleResult();
        late.setDueDate(new Date(System.currentTimeMillis() - 9L * 24 * 3600 * 1000));
        taskService.saveTask(late);
    }

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    @Test
    void theUnitsSupervisorsSeeTheLateTaskAndOthersDoNot() {
        assertThat(overdueAs("giamsat.p1")).contains(late.getId());
        assertThat(overdueAs("giamsat.hg")).as("the province's supervisor, two levels up").contains(late.getId());
        assertThat(overdueAs("giamsat.cd")).as("commune B's supervisor").doesNotContain(late.getId());
        assertThat(overdueAs("tiepdan.cd")).doesNotContain(late.getId());
    }

    @Test
    void theSharedOverdueFilterListsItInTasklistAndTheSupervisorCanOpenItButNotTakeIt() {
        String overdue = filterService.createFilterQuery().filterName("Quá hạn").singleResult().getId();
        assertThat(WebSession.basic(port, "GET", "/engine-rest/filter/" + overdue + "/list?maxResults=500", "giamsat.p1",
                DemoUsers.PASSWORD, null).body()).contains(late.getId());
        assertThat(WebSession.basic(port, "GET", "/engine-rest/filter/" + overdue + "/list?maxResults=500", "giamsat.cd",
                DemoUsers.PASSWORD, null).body()).doesNotContain(late.getId());

        for (String read : List.of("", "/form", "/form-variables", "/deployed-form", "/identity-links")) {
            assertThat(WebSession.basic(port, "GET", "/engine-rest/task/" + late.getId() + read, "giamsat.p1",
                    DemoUsers.PASSWORD, null).statusCode()).as("supervisor reads task" + read).isEqualTo(200);
            assertThat(WebSession.basic(port, "GET", "/engine-rest/task/" + late.getId() + read, "giamsat.cd",
                    DemoUsers.PASSWORD, null).statusCode()).as("commune B's supervisor reads task" + read).isNotEqualTo(200);
        }
        assertThat(WebSession.basic(port, "POST", "/engine-rest/task/" + late.getId() + "/claim", "giamsat.p1",
                DemoUsers.PASSWORD, "{\"userId\": \"giamsat.p1\"}").statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(WebSession.basic(port, "POST", "/engine-rest/task/" + late.getId() + "/complete", "giamsat.p1",
                DemoUsers.PASSWORD, "{}").statusCode()).isGreaterThanOrEqualTo(400);
        Task after = taskService.createTaskQuery().taskId(late.getId()).singleResult();
        assertThat(after).as("still open").isNotNull();
        assertThat(after.getAssignee()).isNull();
    }

    private Set<String> overdueAs(String user) {
        List<String> groups = SystemAuthority.call(identityService, () -> identityService.createGroupQuery()
                .groupMember(user).list().stream().map(Group::getId).toList());
        identityService.setAuthentication(user, groups);
        try {
            return taskService.createTaskQuery().dueBefore(new Date()).list().stream().map(Task::getId)
                    .collect(Collectors.toSet());
        } finally {
            identityService.clearAuthentication();
        }
    }
}
