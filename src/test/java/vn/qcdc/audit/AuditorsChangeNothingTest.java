package vn.qcdc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FailedAttempts;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/**
 * The auditor {@code kiemtoan} tries every write there is: each of our own write endpoints (walked from the
 * application's request mappings, so a new one is tried as soon as it exists) and the Camunda REST writes, on
 * /engine-rest and through the webapps' API. Every one answers 403, and nothing in the engine changed.
 */
@QcdcTest
class AuditorsChangeNothingTest {

    /** Doors every user has for themselves, or citizens without signing in: not writes of the system's records. */
    static final Set<String> OPEN_TO_EVERYONE = Set.of("/login", "/logout", "/account/password");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noEarlierFailedAttempts() {
        FailedAttempts.forget(jdbc);
    }

    @Test
    void everyOneOfOurWriteEndpointsAnswers403() {
        String code = aCaseCode();
        WebSession auditor = new WebSession(port);
        auditor.signIn("kiemtoan", DemoUsers.PASSWORD);
        String token = WebSession.csrfTokenOf(auditor.get("/").body());
        Set<String> tried = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean writes = methods.isEmpty() || methods.stream().anyMatch(m -> m != RequestMethod.GET
                    && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS);
            if (!writes || info.getPathPatternsCondition() == null) {
                return;
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (OPEN_TO_EVERYONE.contains(pattern) || pattern.startsWith("/api/public/")
                        || pattern.startsWith("/open311/") || pattern.startsWith("/portal")
                        || pattern.startsWith("/error")) {
                    continue;
                }
                String path = pattern.replace("{code}", code).replaceAll("\\{[^}]+}", "1");
                HttpResponse<String> r = auditor.postForm(path, "_csrf=" + token + "&text=x&action=comment");
                assertThat(r.statusCode()).as("POST " + path + " (" + method + ")").isEqualTo(403);
                tried.add(pattern);
            }
        });
        assertThat(tried).as("the walk found our writes").contains("/cases/{code}/notes", "/cases/{code}/attachments",
                "/oversight/actions", "/admin/rules", "/dialogues/{id}/questions");
        assertThat(tried).as(tried.toString()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void everyCamundaRestWriteAnswers403AndNothingChanges() {
        Task task = taskService.createTaskQuery().active().list().get(0);
        String instance = task.getProcessInstanceId();
        Job job = managementService.createJobQuery().list().get(0);
        String definition = task.getProcessDefinitionId();
        String deployment = repositoryService.getProcessDefinition(definition).getDeploymentId();
        Snapshot before = snapshot(task, instance, job);

        List<String[]> writes = new ArrayList<>(List.of(
                new String[] {"POST", "/task/" + task.getId() + "/complete", "{}"},
                new String[] {"POST", "/task/" + task.getId() + "/claim", "{\"userId\":\"kiemtoan\"}"},
                new String[] {"POST", "/task/" + task.getId() + "/unclaim", null},
                new String[] {"POST", "/task/" + task.getId() + "/assignee", "{\"userId\":\"kiemtoan\"}"},
                new String[] {"POST", "/task/" + task.getId() + "/delegate", "{\"userId\":\"kiemtoan\"}"},
                new String[] {"POST", "/task/" + task.getId() + "/resolve", "{}"},
                new String[] {"POST", "/task/" + task.getId() + "/submit-form", "{}"},
                new String[] {"PUT", "/task/" + task.getId(), "{\"name\":\"x\"}"},
                new String[] {"DELETE", "/task/" + task.getId(), null},
                new String[] {"POST", "/task/" + task.getId() + "/variables", "{\"modifications\":{\"x\":{\"value\":1}}}"},
                new String[] {"PUT", "/task/" + task.getId() + "/variables/x", "{\"value\":1}"},
                new String[] {"PUT", "/task/" + task.getId() + "/localVariables/x", "{\"value\":1}"},
                new String[] {"POST", "/task/" + task.getId() + "/comment/create", "{\"message\":\"x\"}"},
                new String[] {"POST", "/task/" + task.getId() + "/identity-links", "{\"userId\":\"kiemtoan\",\"type\":\"candidate\"}"},
                new String[] {"POST", "/task/" + task.getId() + "/bpmnError", "{\"errorCode\":\"x\"}"},
                new String[] {"POST", "/task/create", "{\"id\":\"audit-x\",\"name\":\"x\"}"},
                new String[] {"DELETE", "/process-instance/" + instance, null},
                new String[] {"POST", "/process-instance/delete", "{\"processInstanceIds\":[\"" + instance + "\"]}"},
                new String[] {"POST", "/process-instance/" + instance + "/modification",
                        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"" + task.getTaskDefinitionKey() + "\"}]}"},
                new String[] {"POST", "/process-instance/" + instance + "/variables", "{\"modifications\":{\"unitCode\":{\"value\":\"x\"}}}"},
                new String[] {"PUT", "/process-instance/" + instance + "/variables/unitCode", "{\"value\":\"x\"}"},
                new String[] {"DELETE", "/process-instance/" + instance + "/variables/unitCode", null},
                new String[] {"PUT", "/process-instance/" + instance + "/suspended", "{\"suspended\":true}"},
                new String[] {"PUT", "/process-instance/suspended", "{\"processInstanceIds\":[\"" + instance + "\"],\"suspended\":true}"},
                new String[] {"POST", "/process-instance/" + instance + "/comment", "{\"message\":\"x\"}"},
                new String[] {"POST", "/migration/execute", "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"" + definition
                        + "\",\"targetProcessDefinitionId\":\"" + definition + "\",\"instructions\":[]},\"processInstanceIds\":[\""
                        + instance + "\"]}"},
                new String[] {"POST", "/migration/executeAsync", "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"" + definition
                        + "\",\"targetProcessDefinitionId\":\"" + definition + "\",\"instructions\":[]},\"processInstanceIds\":[\""
                        + instance + "\"]}"},
                new String[] {"PUT", "/job/" + job.getId() + "/retries", "{\"retries\":5}"},
                new String[] {"POST", "/job/retries", "{\"jobIds\":[\"" + job.getId() + "\"],\"retries\":5}"},
                new String[] {"PUT", "/job/" + job.getId() + "/suspended", "{\"suspended\":true}"},
                new String[] {"PUT", "/job/" + job.getId() + "/duedate", "{\"duedate\":\"2030-01-01T00:00:00.000+0700\"}"},
                new String[] {"POST", "/job/" + job.getId() + "/execute", null},
                new String[] {"DELETE", "/job/" + job.getId(), null},
                new String[] {"PUT", "/job-definition/" + job.getJobDefinitionId() + "/suspended", "{\"suspended\":true}"},
                new String[] {"PUT", "/job-definition/" + job.getJobDefinitionId() + "/retries", "{\"retries\":5}"},
                new String[] {"PUT", "/process-definition/" + definition + "/suspended", "{\"suspended\":true,\"includeProcessInstances\":true}"},
                new String[] {"PUT", "/process-definition/suspended", "{\"processDefinitionKey\":\"citizen-case\",\"suspended\":true}"},
                new String[] {"POST", "/process-definition/" + definition + "/start", "{}"},
                new String[] {"POST", "/process-definition/key/petition/start", "{}"},
                new String[] {"DELETE", "/process-definition/" + definition + "?cascade=true", null},
                new String[] {"DELETE", "/deployment/" + deployment + "?cascade=true", null},
                new String[] {"POST", "/deployment/create", "{}"},
                new String[] {"POST", "/deployment/" + deployment + "/redeploy", "{}"},
                new String[] {"POST", "/message", "{\"messageName\":\"case-submitted\"}"},
                new String[] {"POST", "/signal", "{\"name\":\"x\"}"},
                new String[] {"POST", "/execution/" + instance + "/create-incident", "{\"incidentType\":\"x\"}"},
                new String[] {"PUT", "/execution/" + instance + "/localVariables/x", "{\"value\":1}"},
                new String[] {"POST", "/external-task/fetchAndLock", "{\"workerId\":\"x\",\"maxTasks\":1,\"topics\":[]}"},
                new String[] {"POST", "/user/create", "{\"profile\":{\"id\":\"audit-x\"},\"credentials\":{\"password\":\"x\"}}"},
                new String[] {"PUT", "/user/kiemtoan/credentials", "{\"password\":\"x\",\"authenticatedUserPassword\":\"demo123\"}"},
                new String[] {"PUT", "/group/auditor/members/kiemtoan", null},
                new String[] {"POST", "/group/create", "{\"id\":\"audit-x\"}"},
                new String[] {"POST", "/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"kiemtoan\",\"resourceType\":0,\"resourceId\":\"*\"}"},
                new String[] {"DELETE", "/history/process-instance/" + instance, null},
                new String[] {"POST", "/history/process-instance/delete", "{\"historicProcessInstanceIds\":[\"" + instance + "\"]}"},
                new String[] {"POST", "/history/cleanup", null},
                new String[] {"PUT", "/history/user-operation/x/set-annotation", "{\"annotation\":\"x\"}"},
                new String[] {"POST", "/batch/x/suspended", "{\"suspended\":true}"},
                new String[] {"POST", "/filter/create", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}"}));
        for (String[] w : writes) {
            HttpResponse<String> r = WebSession.basic(port, w[0], "/engine-rest" + w[1], "kiemtoan", DemoUsers.PASSWORD, w[2]);
            assertThat(r.statusCode()).as(w[0] + " /engine-rest" + w[1] + ": " + r.body()).isEqualTo(403);
            assertThat(r.body()).as(w[1]).contains("chỉ được xem");
        }
        // the same through the webapps' API, as Cockpit and Tasklist call it in the auditor's session
        WebSession cockpit = new WebSession(port);
        cockpit.signIn("kiemtoan", DemoUsers.PASSWORD);
        for (String[] w : writes.subList(0, 30)) {
            HttpResponse<String> r = cockpit.camunda(w[0], "/camunda/api/engine/engine/default" + w[1], w[2]);
            assertThat(r.statusCode()).as("webapp " + w[0] + " " + w[1] + ": " + r.body()).isEqualTo(403);
        }
        assertThat(snapshot(task, instance, job)).isEqualTo(before);
        // reads still work
        assertThat(WebSession.basic(port, "GET", "/engine-rest/history/process-instance?maxResults=1", "kiemtoan",
                DemoUsers.PASSWORD, null).statusCode()).isEqualTo(200);
    }

    record Snapshot(String assignee, String taskName, boolean taskExists, boolean suspended, Map<String, Object> variables,
            Integer retries, long deployments, long operations, long users, long authorizations, long historicInstances) {
    }

    private Snapshot snapshot(Task task, String instance, Job job) {
        Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        Job jobNow = managementService.createJobQuery().jobId(job.getId()).singleResult();
        return new Snapshot(now == null ? null : now.getAssignee(), now == null ? null : now.getName(), now != null,
                runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().isSuspended(),
                runtimeService.getVariables(instance), jobNow == null ? null : jobNow.getRetries(),
                repositoryService.createDeploymentQuery().count(), historyService.createUserOperationLogQuery().count(),
                jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class),
                jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Long.class),
                historyService.createHistoricProcessInstanceQuery().count());
    }

    private String aCaseCode() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("citizen-case").list().get(0)
                .getBusinessKey();
    }
}
