package vn.qcdc.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * What Tasklist offers an officer to start: only the processes their role starts by hand. Timer-started and
 * process-started definitions are never offered, and no officer creates a free-standing task, on any door.
 */
@QcdcTest
class TasklistOffersTest {

    /** The query Tasklist's "Khởi tạo quy trình" dialogue sends. */
    static final String STARTABLE = "/process-definition?latest=true&active=true&startableInTasklist=true"
            + "&startablePermissionCheck=true&maxResults=100";
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;

    @Test
    void aProcessNobodyStartsByHandIsNotStartableInTasklist() {
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            boolean timerStarted = repositoryService.getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(StartEvent.class).stream()
                    .filter(s -> s.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                    .anyMatch(s -> !s.getChildElementsByType(TimerEventDefinition.class).isEmpty());
            if (timerStarted || starters(definition).isEmpty()) {
                assertThat(definition.isStartableInTasklist()).as(definition.getKey()
                        + " has no human starter: camunda:isStartableInTasklist=\"false\"").isFalse();
            }
        }
    }

    @Test
    void eachRoleIsOfferedExactlyTheProcessesItStartsByHand() {
        for (String[] account : DemoUsers.ONE_PER_ROLE) {
            if (account[1].equals("admin")) {
                continue;
            }
            Set<String> expected = new HashSet<>();
            for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
                if (definition.isStartableInTasklist() && starters(definition).contains(account[1])) {
                    expected.add(definition.getKey());
                }
            }
            HttpResponse<String> offered = WebSession.basic(port, "GET", "/engine-rest" + STARTABLE, account[0],
                    DemoUsers.PASSWORD, null);
            assertThat(offered.statusCode()).isEqualTo(200);
            assertThat(keys(offered.body())).as(account[0]).containsExactlyInAnyOrderElementsOf(expected)
                    .doesNotContain("periodic-review-schedule", "oversight-sweep", "dialogue-reminder");
        }
    }

    @Test
    void noOfficerCreatesAFreeStandingTaskOnAnyDoor() {
        long before = taskService.createTaskQuery().count();
        for (String[] account : DemoUsers.ONE_PER_ROLE) {
            if (account[1].equals("admin")) {
                continue;
            }
            String body = "{\"id\":\"forged-" + account[0].replace('.', '-') + "\",\"name\":\"Việc tự tạo\","
                    + "\"candidateGroup\":\"" + account[1] + ":" + DemoUsers.COMMUNE_A + "\"}";
            HttpResponse<String> rest = WebSession.basic(port, "POST", "/engine-rest/task/create", account[0],
                    DemoUsers.PASSWORD, body);
            assertThat(rest.statusCode()).as(account[0] + " on /engine-rest").isEqualTo(403);
            assertThat(rest.body()).as(account[0]).contains(account[1].equals("auditor")
                    ? "chỉ được xem" : "không tạo công việc riêng lẻ").doesNotContain("at org.");

            WebSession tasklist = new WebSession(port);
            tasklist.signIn(account[0], DemoUsers.PASSWORD);
            HttpResponse<String> webapp = tasklist.camunda("POST", "/camunda/api/engine/engine/default/task/create", body);
            assertThat(webapp.statusCode()).as(account[0] + " through Tasklist's API").isEqualTo(403);
        }
        assertThat(taskService.createTaskQuery().count()).isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskNameLike("Việc tự tạo").count()).isZero();
    }

    private List<String> starters(ProcessDefinition definition) {
        return repositoryService.getIdentityLinksForProcessDefinition(definition.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private static List<String> keys(String json) {
        List<String> keys = new java.util.ArrayList<>();
        Matcher m = KEY.matcher(json);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
