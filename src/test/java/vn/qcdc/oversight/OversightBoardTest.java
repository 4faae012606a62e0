package vn.qcdc.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.qcdc.organization.ReorganizationService;
import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.QcdcTest;

/**
 * The supervisors' board on a tree of its own (a district with communes A and B, each with a
 * supervisor and officers), so its counts are exact whatever the other tests leave behind.
 */
@QcdcTest
class OversightBoardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ReorganizationService reorganizations;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    BoardBackfill backfill;
    @Autowired
    BoardTasks boardTasks;
    @Autowired
    OversightBoard board;
    @Autowired
    OversightScope scopes;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired
    BoardCounters counters;

    String p;
    String district;
    String communeA;
    String communeB;

    @BeforeEach
    void aDistrictWithTwoCommunes() {
        p = "o" + UUID.randomUUID().toString().substring(0, 6) + "-";
        district = p + "d";
        communeA = p + "a";
        communeB = p + "b";
        String csv = """
                action,code,name,type,parent_code,staff_count,has_trade_union,successor_code,effective_date
                CREATE,%1$sd,Huyện Thử,DISTRICT,hg,100,true,,2004-01-01
                CREATE,%1$sa,Xã A,COMMUNE,%1$sd,20,true,,2004-01-01
                CREATE,%1$sb,Xã B,COMMUNE,%1$sd,20,true,,2004-01-01
                """.formatted(p);
        reorganizations.apply(new StringReader(csv), "oversight-test", "test");
        person("supA", "supervisor", communeA);
        person("supB", "supervisor", communeB);
        person("supD", "supervisor", district);
        person("offA1", "reception-officer", communeA);
        person("offA2", "reception-officer", communeA);
        person("headA", "unit-head", communeA);
        person("offB1", "reception-officer", communeB);
        User loner = identityService.newUser(p + "nobody");
        loner.setPassword("x-" + p);
        identityService.saveUser(loner);
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    private void person(String name, String role, String unit) {
        User user = identityService.newUser(p + name);
        user.setPassword("x-" + p);
        identityService.saveUser(user);
        identityService.createMembership(p + name, role);
        identityService.createMembership(p + name, unit + ":" + role);
    }

    private String file(String unit, Instant receivedAt) {
        Submission s = Submission.of(CaseKind.PETITION, Channel.IN_PERSON, unit, "Đường " + UUID.randomUUID(),
                "Nội dung", "Công dân Thử", "Ấp 1", "0900000000", false, null, null);
        s = new Submission(s.kind(), s.channel(), s.unitCode(), s.title(), s.content(), s.citizenName(),
                s.citizenAddress(), s.citizenContact(), s.anonymous(), s.remoteArea(), s.attachments(),
                s.idempotencyKey(), receivedAt, s.round(), s.parentCaseId(), s.sourceRef());
        return intake.submit(s, "test").trackingCode();
    }

    private Task taskOf(String code) {
        String instance = cases.findByCode(code).orElseThrow().processInstanceId();
        return taskService.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String name, String role) {
        return request.with(user(p + name).roles(role)).header("Accept-Language", "vi");
    }

    private JsonNode api(String name, String path) throws Exception {
        var result = mvc.perform(as(get(path), name, "supervisor")).andExpect(status().isOk()).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<String> taskIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("rows").forEach(r -> ids.add(r.get("taskId").asText()));
        return ids;
    }

    @Test
    void aSupervisorSeesTheirCommuneOnlyAndTheDistrictSeesBoth() throws Exception {
        String late = file(communeA, Instant.now().minus(40, ChronoUnit.DAYS));
        String fresh = file(communeA, Instant.now());
        String other = file(communeB, Instant.now().minus(40, ChronoUnit.DAYS));

        JsonNode a = api("supA", "/api/oversight/tasks");
        assertThat(taskIds(a)).containsExactlyInAnyOrder(taskOf(late).getId(), taskOf(fresh).getId());
        JsonNode lateRow = a.get("rows").get(0);
        assertThat(lateRow.get("businessKey").asText()).isEqualTo(late);
        assertThat(lateRow.get("kind").asText()).isEqualTo("PETITION");
        assertThat(lateRow.get("unitCode").asText()).isEqualTo(communeA);
        assertThat(lateRow.get("candidateGroup").asText()).isEqualTo(communeA + ":reception-officer");
        assertThat(lateRow.get("ruleCode").asText()).isNotBlank();
        assertThat(lateRow.get("legalBasis").asText()).isNotBlank();
        assertThat(lateRow.get("lateCalendarDays").asInt()).isPositive();
        assertThat(lateRow.get("lateWorkingDays").asInt()).isPositive()
                .isLessThanOrEqualTo(lateRow.get("lateCalendarDays").asInt());
        assertThat(lateRow.toString()).doesNotContain("Công dân Thử").doesNotContain("0900000000");

        JsonNode b = api("supB", "/api/oversight/tasks");
        assertThat(taskIds(b)).containsExactly(taskOf(other).getId());
        assertThat(api("supD", "/api/oversight/tasks").get("total").asLong()).isEqualTo(3);

        JsonNode summary = api("supA", "/api/oversight/summary");
        assertThat(summary.get("units")).hasSize(1);
        assertThat(summary.get("units").get(0).get("overdue").asLong()).isEqualTo(1);
        assertThat(summary.get("units").get(0).get("unassignedOverdue").asLong()).isEqualTo(1);
        assertThat(summary.get("units").get(0).get("open").asLong()).isEqualTo(2);
        assertThat(api("supD", "/api/oversight/summary").get("units")).hasSize(2);

        // commune B's supervisor asks for commune A by every door: refused, nothing of A shown
        for (String path : List.of("/api/oversight/tasks?unit=" + communeA, "/api/oversight/summary?unit=" + communeA)) {
            var refused = mvc.perform(as(get(path), "supB", "supervisor")).andExpect(status().isBadRequest()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused).contains("không thuộc phạm vi giám sát").doesNotContain(late);
        }
        String page = mvc.perform(as(get("/oversight"), "supB", "supervisor")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(other).doesNotContain(late).doesNotContain(fresh);
        String csv = mvc.perform(as(get("/oversight/export.csv"), "supB", "supervisor")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(other).doesNotContain(late);
        mvc.perform(as(get("/oversight/export.csv?q=" + late), "supB", "supervisor")).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(late));
        mvc.perform(as(get("/oversight/export.xlsx?unit=" + communeA), "supB", "supervisor"))
                .andExpect(status().isBadRequest());
        // and cannot act on A's task
        mvc.perform(as(post("/api/oversight/actions").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("action", "reassign", "taskIds", List.of(taskOf(late).getId()),
                        "assignee", p + "offB1", "reason", "thử"))), "supB", "supervisor"))
                .andExpect(status().isBadRequest());
        assertThat(taskService.createTaskQuery().taskId(taskOf(late).getId()).singleResult().getAssignee()).isNull();
        // an officer has no board at all
        mvc.perform(as(get("/api/oversight/tasks"), "offA1", "reception-officer")).andExpect(status().isForbidden());
        mvc.perform(as(get("/oversight"), "offA1", "reception-officer")).andExpect(status().isForbidden());
    }

    @Test
    void theCsvExportHoldsExactlyTheBoardsRows() throws Exception {
        for (int i = 0; i < 7; i++) {
            file(communeA, Instant.now().minus(i * 7L, ChronoUnit.DAYS));
        }
        JsonNode board = api("supA", "/api/oversight/tasks?bucket=overdue&size=200");
        String csv = mvc.perform(as(get("/oversight/export.csv?bucket=overdue"), "supA", "supervisor"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).extracting(r -> r.get(r.size() - 1)).containsExactlyElementsOf(taskIds(board));
        assertThat(records).hasSizeGreaterThan(0).hasSizeLessThan(7);
        assertThat(csv).doesNotContain("Công dân Thử");
    }

    @Test
    void aBulkReassignmentWithOneBadTaskChangesNoneAndWithoutItChangesAll() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(taskOf(file(communeA, Instant.now().minus(30, ChronoUnit.DAYS))).getId());
        }
        String foreign = taskOf(file(communeB, Instant.now())).getId();
        List<String> withForeign = new ArrayList<>(ids);
        withForeign.set(25, foreign);

        refused(withForeign, p + "offA2", "lý do", "Không tìm thấy việc đang mở");
        refused(ids, p + "offB1", "lý do", "không thuộc nhóm");
        refused(ids, p + "headA", "lý do", "không thuộc nhóm");
        refused(ids, p + "ghost", "lý do", "Không có người dùng");
        refused(ids, p + "nobody", "lý do", "không còn vai trò");
        refused(ids, p + "offA2", "  ", "Phải ghi lý do");
        List<String> completed = new ArrayList<>(ids);
        Task done = taskService.createTaskQuery().taskId(ids.get(3)).singleResult();
        String doneCode = runtimeService.createProcessInstanceQuery().processInstanceId(done.getProcessInstanceId())
                .singleResult().getBusinessKey();
        runtimeService.deleteProcessInstance(done.getProcessInstanceId(), "test");
        refused(completed, p + "offA2", "lý do", "Không tìm thấy việc đang mở");
        ids.remove(3);
        List<String> tooMany = new ArrayList<>(ids);
        for (int i = 0; i < 200; i++) {
            tooMany.add("x" + i);
        }
        refused(tooMany, p + "offA2", "lý do", "tối đa 200");
        assertThat(taskService.createTaskQuery().taskAssignee(p + "offA2").count()).isZero();

        var result = mvc.perform(as(post("/api/oversight/actions").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("action", "reassign", "taskIds", ids, "assignee", p + "offA2",
                        "reason", "Cán bộ cũ nghỉ phép"))), "supA", "supervisor")).andExpect(status().isOk()).andReturn();
        assertThat(JSON.readTree(result.getResponse().getContentAsString()).get("tasks").asInt()).isEqualTo(49);
        assertThat(taskService.createTaskQuery().taskAssignee(p + "offA2").count()).isEqualTo(49);
        List<UserOperationLogEntry> log = historyService.createUserOperationLogQuery().taskId(ids.get(0))
                .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).list();
        assertThat(log).extracting(UserOperationLogEntry::getUserId).containsExactly(p + "supA");
        assertThat(taskService.getTaskComments(ids.get(0))).extracting(c -> c.getFullMessage())
                .containsExactly("Cán bộ cũ nghỉ phép");
        assertThat(jdbc.queryForObject("select count(*) from oversight_action where actor = ? and action = 'REASSIGN'",
                Integer.class, p + "supA")).isEqualTo(49);
        assertThat(api("supA", "/api/oversight/summary").get("units").get(0).get("unassignedOverdue").asLong()).isZero();
        assertThat(doneCode).isNotNull();

        // a follow-up date in the past is refused; today is accepted
        String past = java.time.LocalDate.now().minusDays(1).toString();
        mvc.perform(as(post("/api/oversight/actions").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("action", "follow-up", "taskIds", ids.subList(0, 2),
                        "followUp", past, "reason", "nhắc"))), "supA", "supervisor"))
                .andExpect(status().isBadRequest());
        mvc.perform(as(post("/api/oversight/actions").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("action", "follow-up", "taskIds", ids.subList(0, 2),
                        "followUp", java.time.LocalDate.now().plusDays(2).toString(), "reason", "nhắc"))), "supA",
                "supervisor")).andExpect(status().isOk());
        assertThat(taskService.createTaskQuery().taskId(ids.get(0)).singleResult().getFollowUpDate()).isNotNull();
    }

    private void refused(List<String> ids, String assignee, String reason, String message) throws Exception {
        String body = mvc.perform(as(post("/api/oversight/actions").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("action", "reassign", "taskIds", ids, "assignee", assignee,
                        "reason", reason))), "supA", "supervisor")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(message);
        for (String id : ids.subList(0, Math.min(ids.size(), 50))) {
            Task t = taskService.createTaskQuery().taskId(id).singleResult();
            assertThat(t == null || t.getAssignee() == null).as(id).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOnTimeChartCountsTheStepsCompletedByTheirDueDate() {
        String key = "board-one-step-" + p.substring(0, p.length() - 1);
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", org.camunda.bpm.model.bpmn.Bpmn
                .createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().userTask("step")
                .camundaCandidateGroups(communeA + ":reception-officer").endEvent().done()).deploy();
        for (int i = 0; i < 4; i++) {
            runtimeService.startProcessInstanceByKey(key);
        }
        List<Task> steps = taskService.createTaskQuery().processDefinitionKey(key).list();
        for (int i = 0; i < steps.size(); i++) {
            Task step = steps.get(i);
            // three due tomorrow (on time), one due yesterday (late), all completed now
            step.setDueDate(Date.from(Instant.now().plus(i == 0 ? -1 : 1, ChronoUnit.DAYS)));
            taskService.saveTask(step);
            taskService.complete(step.getId());
        }
        Map<String, Object> chart = board.onTime(scopes.of(p + "supA", false), List.of(communeA), 12);
        List<OversightBoard.OnTime> units = (List<OversightBoard.OnTime>) chart.get("units");
        assertThat(units).singleElement().satisfies(u -> {
            assertThat(u.completed().get(11)).isEqualTo(4);
            assertThat(u.percents().get(11)).isEqualTo(75.0);
        });
    }

    @Test
    void aDenouncersOwnWordsNeverReachTheBoardOrItsExports() throws Exception {
        String code = intake.submit(Submission.of(CaseKind.DENUNCIATION, Channel.IN_PERSON, communeA,
                "Tôi, Trương Văn Kín, tố cáo cán bộ", "Tôi, Trương Văn Kín, ở ấp 3, tố cáo.", "Trương Văn Kín",
                "Ấp 3", "0911111111", false, null, null), "test").trackingCode();
        Task task = taskOf(code);
        assertThat(jdbc.queryForMap("select kind, title from oversight_task where task_id = ?", task.getId()))
                .containsEntry("KIND", "DENUNCIATION").containsEntry("TITLE", null);
        String json = mvc.perform(as(get("/api/oversight/tasks?q=" + code), "supA", "supervisor")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains(task.getId()).doesNotContain("Kín");
        String csv = mvc.perform(as(get("/oversight/export.csv?q=" + code), "supA", "supervisor")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(code).doesNotContain("Kín");
        String page = mvc.perform(as(get("/oversight?q=" + code), "supA", "supervisor")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(code).doesNotContain("Kín");
    }

    @Test
    void badQueriesGetAMessageAndNothingElse() throws Exception {
        Map<String, String> cases = new HashMap<>();
        cases.put("size=1000000", "phải là số từ 1 đến 200");
        cases.put("size=abc", "phải là số từ 1 đến 200");
        cases.put("dueFrom=2026-12-31&dueTo=2026-01-01", "Khoảng ngày ngược");
        cases.put("dueFrom=31/12/2026", "không hợp lệ");
        cases.put("bucket=late", "không có; chọn quá hạn");
        cases.put("sort=password", "Không sắp xếp được");
        cases.put("unit=%27%20or%201=1", "không hợp lệ");
        for (var c : cases.entrySet()) {
            String body = mvc.perform(as(get("/api/oversight/tasks?" + c.getKey()), "supA", "supervisor"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(c.getKey()).contains(c.getValue()).doesNotContain("Exception");
            String page = mvc.perform(as(get("/oversight?" + c.getKey()), "supA", "supervisor"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(c.getKey()).contains(c.getValue()).doesNotContain("Exception");
        }
        String english = mvc.perform(get("/api/oversight/tasks?size=0").with(user(p + "supA").roles("supervisor"))
                .header("Accept-Language", "en")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("must be a number from 1 to 200");
    }

    /** The board's table against the engine's own tasks after a random mix of what happens to tasks. */
    @Test
    void theBoardsTableStaysExactThroughARandomMixOfOperations() throws Exception {
        Random random = new Random(42);
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String code = file(random.nextBoolean() ? communeA : communeB,
                    Instant.now().minus(random.nextInt(40), ChronoUnit.DAYS));
            instances.add(cases.findByCode(code).orElseThrow().processInstanceId());
        }
        for (int step = 0; step < 60; step++) {
            String instance = instances.get(random.nextInt(instances.size()));
            List<Task> open = taskService.createTaskQuery().processInstanceId(instance).list();
            if (open.isEmpty()) {
                continue;
            }
            Task task = open.get(0);
            switch (random.nextInt(6)) {
                case 0 -> taskService.setAssignee(task.getId(), p + "offA1");
                case 1 -> taskService.setAssignee(task.getId(), null);
                case 2 -> {
                    task.setDueDate(Date.from(Instant.now().plus(random.nextInt(20) - 10, ChronoUnit.DAYS)));
                    taskService.saveTask(task);
                }
                case 3 -> {
                    String group = groupOf(task);
                    String moved = group.startsWith(communeA) ? group.replace(communeA, communeB)
                            : group.replace(communeB, communeA);
                    taskService.deleteCandidateGroup(task.getId(), group);
                    taskService.addCandidateGroup(task.getId(), moved);
                }
                case 4 -> {
                    if (random.nextInt(4) == 0) {
                        runtimeService.deleteProcessInstance(instance, "test");
                    }
                }
                default -> {
                    task.setFollowUpDate(Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
                    taskService.saveTask(task);
                }
            }
        }
        List<Task> engine = taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list();
        // a task the board lost (as on a database upgraded with open work) comes back at startup's backfill
        Map<String, Object> lost = jdbc.queryForMap("select * from oversight_task where task_id = ?", engine.get(0).getId());
        boardTasks.delete(engine.get(0).getId());
        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForMap("select * from oversight_task where task_id = ?", engine.get(0).getId()))
                .isEqualTo(lost);
        List<Map<String, Object>> board = jdbc.queryForList("select * from oversight_task where process_instance_id in ("
                + String.join(",", instances.stream().map(i -> "'" + i + "'").toList()) + ")");
        assertThat(board).hasSameSizeAs(engine);
        Map<String, Map<String, Object>> byId = new HashMap<>();
        board.forEach(r -> byId.put((String) r.get("TASK_ID"), r));
        for (Task t : engine) {
            Map<String, Object> row = byId.get(t.getId());
            assertThat(row).as(t.getId()).isNotNull();
            assertThat(row.get("ASSIGNEE")).isEqualTo(t.getAssignee());
            assertThat(row.get("CANDIDATE_GROUP")).isEqualTo(groupOf(t));
            assertThat(row.get("UNIT_CODE")).isEqualTo(groupOf(t).substring(0, groupOf(t).indexOf(':')));
            assertThat(millis(row.get("DUE_AT"))).isEqualTo(t.getDueDate() == null ? null : t.getDueDate().getTime());
            assertThat(millis(row.get("FOLLOW_UP_AT")))
                    .isEqualTo(t.getFollowUpDate() == null ? null : t.getFollowUpDate().getTime());
            assertThat(row.get("TASK_NAME")).isEqualTo(t.getName());
        }
        // the per-day counters the bucket counts read agree with the rows, for every unit touched
        Map<String, Long> fromRows = new HashMap<>();
        for (Map<String, Object> r : jdbc.queryForList("select unit_code, due_at, assignee from oversight_task"
                + " where unit_code in (?, ?)", communeA, communeB)) {
            fromRows.merge(r.get("UNIT_CODE") + "/" + counters.dayOf((java.sql.Timestamp) r.get("DUE_AT")) + "/"
                    + (r.get("ASSIGNEE") != null), 1L, Long::sum);
        }
        Map<String, Long> counted = new HashMap<>();
        for (Map<String, Object> r : jdbc.queryForList("select unit_code, due_day, assigned, n from oversight_unit_count"
                + " where unit_code in (?, ?) and n <> 0", communeA, communeB)) {
            counted.put(r.get("UNIT_CODE") + "/" + ((java.sql.Date) r.get("DUE_DAY")).toLocalDate() + "/"
                    + r.get("ASSIGNED"), ((Number) r.get("N")).longValue());
        }
        assertThat(counted).isEqualTo(fromRows);
        Map<String, Long> doneFromRows = new HashMap<>();
        for (Map<String, Object> r : jdbc.queryForList("select unit_code, due_at, completed_at from oversight_step_done"
                + " where unit_code in (?, ?) and due_at is not null", communeA, communeB)) {
            java.sql.Timestamp completed = (java.sql.Timestamp) r.get("COMPLETED_AT");
            doneFromRows.merge(r.get("UNIT_CODE") + "/" + counters.dayOf(completed).withDayOfMonth(1) + "/"
                    + !completed.after((java.sql.Timestamp) r.get("DUE_AT")), 1L, Long::sum);
        }
        Map<String, Long> doneCounted = new HashMap<>();
        for (Map<String, Object> r : jdbc.queryForList("select unit_code, done_month, on_time, n from oversight_unit_month"
                + " where unit_code in (?, ?) and n <> 0", communeA, communeB)) {
            doneCounted.put(r.get("UNIT_CODE") + "/" + ((java.sql.Date) r.get("DONE_MONTH")).toLocalDate() + "/"
                    + r.get("ON_TIME"), ((Number) r.get("N")).longValue());
        }
        assertThat(doneCounted).isEqualTo(doneFromRows);
        // and the bucket counts read from them equal a count of the rows themselves
        JsonNode summary = api("supD", "/api/oversight/summary");
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        for (JsonNode unit : summary.get("units")) {
            String code = unit.get("unitCode").asText();
            assertThat(unit.get("open").asLong()).as(code).isEqualTo(jdbc.queryForObject(
                    "select count(*) from oversight_task where unit_code = ?", Long.class, code));
            assertThat(unit.get("overdue").asLong()).as(code).isEqualTo(jdbc.queryForObject(
                    "select count(*) from oversight_task where unit_code = ? and due_at < ?", Long.class, code, now));
            assertThat(unit.get("unassignedOverdue").asLong()).as(code).isEqualTo(jdbc.queryForObject(
                    "select count(*) from oversight_task where unit_code = ? and due_at < ? and assignee is null",
                    Long.class, code, now));
        }
        assertThat(api("supD", "/api/oversight/tasks?bucket=overdue&unit=" + communeA).get("total").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from oversight_task where unit_code = ? and due_at < ?",
                        Long.class, communeA, now));
    }

    private static Long millis(Object value) {
        return value == null ? null : ((java.sql.Timestamp) value).getTime();
    }

    private String groupOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().findFirst().orElseThrow();
    }
}
