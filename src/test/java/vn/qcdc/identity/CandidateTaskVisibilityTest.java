package vn.qcdc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

/**
 * A user's task queries answer from the identity links, never from a join with the per-task
 * authorization rows, and return exactly the tasks those rows grant: for every demo officer and for
 * every query shape Tasklist and our pages use.
 */
@QcdcTest
class CandidateTaskVisibilityTest {

    /** Everyone but supervisors, who read their subtree's tasks too (SupervisorTaskVisibilityTest). */
    static final List<String> USERS = List.of("tiepdan.p1", "xuly.p1", "truong.p1", "tiepdan.cd",
            "xuly.cd", "kiemtra.hg", "kiemtra2.hg", "thuky.p1", "tiepdan.vt", "kiemtoan");

    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;

    String deployment;

    @BeforeEach
    void openWorkOfEveryShape() {
        for (String unit : List.of(DemoUsers.COMMUNE_A, DemoUsers.COMMUNE_B, DemoUsers.COMMUNE_A)) {
            intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, unit, "Xem việc", "Nội dung", "Công dân",
                    "Ấp 1", "0900000000", false, null, null), "test");
        }
        // a colleague's claimed task stays visible to the group, as its authorization row says
        Task claimed = taskService.createTaskQuery().taskCandidateGroup(DemoUsers.COMMUNE_A + ":reception-officer")
                .listPage(0, 1).get(0);
        taskService.claim(claimed.getId(), "tiepdan.p1");
        // a task given to a user directly, with no candidate group, belongs to that user alone
        deployment = repositoryService.createDeployment().addModelInstance("visibility-direct.bpmn",
                Bpmn.createExecutableProcess("visibility-direct").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("direct").camundaAssignee("xuly.cd").endEvent().done()).deploy().getId();
        runtimeService.startProcessInstanceByKey("visibility-direct");
        // and one reassigned: both the first and the second assignee keep their grant
        String reassigned = runtimeService.startProcessInstanceByKey("visibility-direct").getId();
        Task second = taskService.createTaskQuery().processInstanceId(reassigned).singleResult();
        taskService.setAssignee(second.getId(), "kiemtra2.hg");
    }

    @AfterEach
    void engineCheckBackOn() {
        CandidateTaskVisibility.byCandidates(true);
        identityService.clearAuthentication();
        // other tests read every deployed process; this one is not ours to keep
        repositoryService.deleteDeployment(deployment, true);
    }

    @Test
    void everyOfficerSeesExactlyTheTasksTheEngineGrantsThem() {
        Date soon = new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);
        List<Function<String, TaskQuery>> shapes = List.of(
                user -> taskService.createTaskQuery(),
                user -> taskService.createTaskQuery().dueBefore(soon),
                user -> taskService.createTaskQuery().taskAssignee(user),
                user -> taskService.createTaskQuery().taskCandidateGroupIn(groupsOf(user)).includeAssignedTasks(),
                user -> taskService.createTaskQuery().taskCandidateGroup(DemoUsers.COMMUNE_A + ":reception-officer"),
                user -> taskService.createTaskQuery().taskCandidateUser(user));
        int nonEmpty = 0;
        for (String user : USERS) {
            for (int shape = 0; shape < shapes.size(); shape++) {
                Set<String> byEngine = idsAs(user, shapes.get(shape), false);
                Set<String> byLinks = idsAs(user, shapes.get(shape), true);
                assertThat(byLinks).as("%s, query shape %d", user, shape).isEqualTo(byEngine);
                assertThat(countAs(user, shapes.get(shape))).as("%s, count of shape %d", user, shape)
                        .isEqualTo(byEngine.size());
                nonEmpty += byEngine.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).as("the comparison has tasks to compare").isGreaterThan(10);
        assertThat(idsAs("xuly.cd", user -> taskService.createTaskQuery().processDefinitionKey("visibility-direct"), true))
                .as("given directly, and given then passed on").hasSize(2);
        assertThat(idsAs("kiemtra2.hg", user -> taskService.createTaskQuery().processDefinitionKey("visibility-direct"), true))
                .hasSize(1);
        assertThat(idsAs("xuly.p1", user -> taskService.createTaskQuery().processDefinitionKey("visibility-direct"), true))
                .isEmpty();
        assertThat(idsAs("tiepdan.cd", user -> taskService.createTaskQuery().taskCandidateGroup(
                DemoUsers.COMMUNE_A + ":reception-officer"), true)).as("commune B reads nothing of commune A").isEmpty();
    }

    @Test
    void anOfficersTaskQueryNeverJoinsTheAuthorizationTable() {
        ListAppender<ILoggingEvent> statements = new ListAppender<>();
        Logger mapper = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity");
        Level before = mapper.getLevel();
        mapper.setLevel(Level.DEBUG);
        mapper.addAppender(statements);
        statements.start();
        try {
            idsAs("tiepdan.p1", user -> taskService.createTaskQuery().dueBefore(new Date()), true);
            countAs("tiepdan.p1", user -> taskService.createTaskQuery().taskCandidateGroup(DemoUsers.COMMUNE_A + ":reception-officer"));
            List<String> officers = sql(statements);
            statements.list.clear();
            idsAs("tiepdan.p1", user -> taskService.createTaskQuery().dueBefore(new Date()), false);
            List<String> engines = sql(statements);

            assertThat(officers).hasSize(2).allSatisfy(sql -> assertThat(sql).doesNotContain("ACT_RU_AUTHORIZATION"));
            assertThat(engines).as("the same query the engine's way joins the grants").isNotEmpty()
                    .allSatisfy(sql -> assertThat(sql).contains("ACT_RU_AUTHORIZATION"));
        } finally {
            mapper.detachAppender(statements);
            mapper.setLevel(before);
        }
    }

    @Test
    void aGrantOnEveryTaskKeepsTheEnginesCheck() {
        Set<String> all = taskService.createTaskQuery().list().stream().map(Task::getId).collect(Collectors.toSet());
        assertThat(idsAs("kiemtoan", user -> taskService.createTaskQuery(), true)).isEqualTo(all);
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("giamsat.cd");
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId("*");
        grant.addPermission(Permissions.READ_TASK);
        authorizationService.saveAuthorization(grant);
        try {
            assertThat(idsAs("giamsat.cd", user -> taskService.createTaskQuery(), true)).isEqualTo(all);
        } finally {
            authorizationService.deleteAuthorization(grant.getId());
        }
    }

    private List<String> sql(ListAppender<ILoggingEvent> statements) {
        return statements.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("Preparing"))
                .filter(m -> m.contains("ACT_RU_TASK")).toList();
    }

    private Set<String> idsAs(String user, Function<String, TaskQuery> shape, boolean byCandidates) {
        CandidateTaskVisibility.byCandidates(byCandidates);
        identityService.setAuthentication(user, groupsOf(user));
        try {
            return shape.apply(user).list().stream().map(Task::getId).collect(Collectors.toSet());
        } finally {
            identityService.clearAuthentication();
            CandidateTaskVisibility.byCandidates(true);
        }
    }

    private long countAs(String user, Function<String, TaskQuery> shape) {
        identityService.setAuthentication(user, groupsOf(user));
        try {
            return shape.apply(user).count();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> groupsOf(String user) {
        return SystemAuthority.call(identityService, () -> identityService.createGroupQuery().groupMember(user).list()
                .stream().map(Group::getId).toList());
    }
}
