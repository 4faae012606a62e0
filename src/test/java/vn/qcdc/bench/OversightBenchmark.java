package vn.qcdc.bench;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.qcdc.QcdcApplication;
import vn.qcdc.identity.Role;
import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.WebSession;

/**
 * The supervisors' board at a province's volume: 100 communes in 5 districts, about 100,000 open cases
 * with 300,000 open tasks and over a million history rows, against the stock Camunda task query a
 * supervisor of 20 communes would otherwise run, in one run; and task completion on that database
 * against an empty one.
 *
 * <p>A few hundred petitions are filed and routed through the engine (job executor); their rows (tasks,
 * executions, identity links, authorizations, timer jobs, the board's row, history) are then copied by
 * SQL with new ids onto the benchmark communes, three tasks per copied case, due dates spread around
 * today. The board is measured through HTTP as the province's supervisor ({@code giamsat.hg}, with
 * authorizations on); the stock query in the JVM, as a user who holds every role group of 20 communes.
 * ANALYZE runs before measuring (autovacuum is off on this machine's server). Not part of the suite:
 * run it with src/bench/oversight-benchmark.sh.
 */
@SpringBootTest(classes = QcdcApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qcdc.demo.cases=false", "logging.level.vn.qcdc.web.RequestLog=warn",
                "camunda.bpm.job-execution.enabled=true", "qcdc.metrics.engine-refresh=10m",
                "qcdc.oversight.scope-cache=10s", "qcdc.organization.tree-cache=10s"})
@ActiveProfiles({"demo", "test"})
class OversightBenchmark {

    static final String SEED_UNIT = "hg-vithanh-p1";
    static final String SUPERVISOR = "giamsat.hg";
    static final String STOCK_USER = "bench.sup20";
    static final String OFFICER = "tiepdan.p1";
    static final int SEED = Integer.getInteger("bench.seed", 400);
    static final int LARGE = Integer.getInteger("bench.large", 300_000);
    static final int HISTORY = Integer.getInteger("bench.history", 1_000_000);
    static final int CALLS = Integer.getInteger("bench.calls", 200);
    static final int COMPLETIONS = Integer.getInteger("bench.completions", 500);
    static final int EXPORT_ROWS = Integer.getInteger("bench.export-rows", 5000);
    static final int UNITS = 100;
    static final int DISTRICTS = 5;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    vn.qcdc.oversight.BoardCounters counters;

    final Map<String, String[]> table = new LinkedHashMap<>();
    boolean postgres;
    WebSession supervisor;
    List<String> stockGroups;

    @Test
    void theBoardAtProvinceScale() throws Exception {
        postgres = "PostgreSQL".equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c
                .getMetaData().getDatabaseProductName()));
        repositoryService.createDeployment().name("benchmark").addModelInstance("bench-one-task.bpmn",
                Bpmn.createExecutableProcess("bench-one-task").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("work").camundaCandidateGroups(SEED_UNIT + ":reception-officer").endEvent().done())
                .deploy();
        benchUnits();
        supervisor = new WebSession(port);
        supervisor.signIn(SUPERVISOR, "demo123");

        analyze();
        BenchData.completions(runtimeService, taskService, identityService, OFFICER, Math.min(100, COMPLETIONS)); // warm-up
        double completeEmpty = BenchData.completions(runtimeService, taskService, identityService, OFFICER, COMPLETIONS);

        long start = System.nanoTime();
        route(SEED);
        grow();
        analyze();
        row("seeding", String.format("%d petitions through the engine, the rest by SQL copies, %.0f s", SEED,
                (System.nanoTime() - start) / 1e9), "");
        row("open tasks / open cases / history rows", openTasks() + " / " + openCases() + " / " + BenchData.historyRows(jdbc),
                "board rows: " + jdbc.queryForObject("select count(*) from oversight_task", Long.class));

        Map<String, double[]> measured = new LinkedHashMap<>();
        shapes().forEach((name, call) -> measured.put(name, measure(call)));
        double[] stockPage = measured.get("stock TaskQuery: page of 50");
        double[] stockCount = measured.get("stock TaskQuery: count()");
        double stockBoth = stockPage[1] + stockCount[1];
        measured.forEach((name, p) -> {
            String note = "";
            if (name.startsWith("board:") && !name.contains("HTML")) {
                note = String.format("%.1f× faster than stock page + count (p95 %.1f ms)", stockBoth / p[1], stockBoth);
            }
            row(name + " p50 / p95 ms", fmt(p), note);
        });
        double completeLarge = BenchData.completions(runtimeService, taskService, identityService, OFFICER, COMPLETIONS);
        row("task completions /s, empty database vs " + LARGE + " open tasks",
                f(completeEmpty) + " vs " + f(completeLarge),
                String.format("ratio %.2f (goal >= 0.8)", completeLarge / completeEmpty));

        System.out.printf("%nBENCHMARK supervisors' board (%s, ANALYZE before measuring, %d calls each)%n",
                postgres ? "PostgreSQL" : "H2", CALLS);
        System.out.println("BENCHMARK | what | figure | note |");
        System.out.println("BENCHMARK |---|---|---|");
        table.forEach((what, v) -> System.out.printf("BENCHMARK | %s | %s | %s |%n", what, v[0], v[1]));
        System.out.println();
        if (postgres) {
            explainTheQueries();
        }
    }

    private Map<String, Supplier<Object>> shapes() {
        Map<String, Supplier<Object>> shapes = new LinkedHashMap<>();
        String district = "bench-d1";
        shapes.put("board: first page (province, 50 rows, with its total)", () -> ok(supervisor.getJson(
                "/api/oversight/tasks?size=50")));
        shapes.put("board: filtered page (one district + one process)", () -> ok(supervisor.getJson(
                "/api/oversight/tasks?size=50&unit=" + district + "&process=citizen-case")));
        shapes.put("board: bucket counts per unit (province)", () -> ok(supervisor.getJson("/api/oversight/summary")));
        shapes.put("board: the whole page /oversight (rows, counts, on-time chart, notices; HTML)",
                () -> ok(supervisor.get("/oversight")));
        String range = exportRange(district);
        shapes.put("board: CSV export of " + exportCount(district, range) + " rows", () -> ok(supervisor.get(
                "/oversight/export.csv?unit=" + district + range)));
        shapes.put("stock TaskQuery: page of 50", () -> asStockUser(() -> stockQuery().listPage(0, 50)));
        shapes.put("stock TaskQuery: count()", () -> asStockUser(() -> stockQuery().count()));
        return shapes;
    }

    /** What Tasklist asks for a supervisor of 20 communes: their groups, overdue, by due date. */
    private TaskQuery stockQuery() {
        return taskService.createTaskQuery().taskCandidateGroupIn(stockGroups).dueBefore(new Date()).orderByDueDate()
                .asc();
    }

    private Object asStockUser(Supplier<Object> query) {
        identityService.setAuthentication(STOCK_USER, stockGroups);
        try {
            return query.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private double[] measure(Supplier<Object> call) {
        for (int i = 0; i < 10; i++) {
            call.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        return BenchData.percentiles(ms);
    }

    /** A due-date range of one district that holds about {@link #EXPORT_ROWS} rows. */
    private String exportRange(String district) {
        List<LocalDate> days = jdbc.queryForList("select due_at from oversight_task where unit_code in ("
                + districtUnits(district) + ") and due_at is not null order by due_at", java.sql.Timestamp.class)
                .stream().map(t -> t.toLocalDateTime().toLocalDate()).toList();
        LocalDate from = days.get(0);
        LocalDate to = days.get(Math.min(days.size() - 1, EXPORT_ROWS - 1));
        return "&dueFrom=" + from + "&dueTo=" + to;
    }

    private long exportCount(String district, String range) {
        String body = ok(supervisor.getJson("/api/oversight/tasks?size=1&unit=" + district + range));
        return Long.parseLong(body.replaceAll("(?s).*\"total\"\\s*:\\s*(\\d+).*", "$1"));
    }

    // ---- seeding ----

    /** 5 districts of 20 communes under the province, each with the role groups of a commune. */
    private void benchUnits() {
        for (int d = 0; d < DISTRICTS; d++) {
            insertUnit("bench-d" + d, "Huyện thử " + d, "DISTRICT", "hg");
        }
        List<String> groups = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            String code = "bench-u" + u;
            insertUnit(code, "Xã thử " + u, "COMMUNE", "bench-d" + (u / (UNITS / DISTRICTS)));
            for (Role role : Role.unitScopedRoles()) {
                Group group = identityService.newGroup(role.groupOf(code));
                group.setName(role.groupId() + " " + code);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
                if (u < 20) {
                    groups.add(group.getId());
                }
            }
        }
        identityService.saveUser(identityService.newUser(STOCK_USER));
        groups.forEach(g -> identityService.createMembership(STOCK_USER, g));
        stockGroups = groups;
    }

    private void insertUnit(String code, String name, String type, String parent) {
        jdbc.update("insert into org_unit (code, name, unit_type, parent_code, staff_count, has_trade_union, valid_from)"
                + " values (?, ?, ?, ?, 30, true, ?)", code, name, type, parent, java.sql.Date.valueOf("2025-07-01"));
    }

    private void route(int filings) throws InterruptedException {
        for (int i = 0; i < filings; i++) {
            intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, SEED_UNIT, "Đèn đường hư " + i,
                    "Đèn đường hẻm 5 hư đã hai tuần.", "Nguyễn Văn A", "Ấp 1", "0900000000", false, null, null), "benchmark");
        }
        if (!jobExecutor().isActive()) {
            jobExecutor().start();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (cases.countAwaitingProcess() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        jobExecutor().shutdown();
    }

    /** Copies of the routed work onto the benchmark communes: three tasks per copied case. */
    private void grow() {
        long tasks = jdbc.queryForObject("select count(*) from ACT_RU_TASK where proc_def_id_ not like 'bench-one-task%'",
                Long.class);
        int caseCopies = (int) Math.ceil(LARGE / 3.0 / tasks);
        int taskCopies = caseCopies * 3;
        String unit = "'bench-u' || mod(g, " + UNITS + ")";
        String group = "replace(%1$s, '" + SEED_UNIT + "', " + unit + ")";
        String caseOf = "%1$s || '-' || ((g + 2) / 3)";
        String due = days("%1$s", "(10 - mod(g, 40))");
        if (!postgres) {
            // H2 checks a self-referencing foreign key row by row; PostgreSQL at the end of the statement
            jdbc.execute("set referential_integrity false");
        }
        Set<String> executionIds = Set.of("id_", "proc_inst_id_", "parent_id_", "super_exec_", "root_proc_inst_id_",
                "business_key_");
        BenchData.copy(jdbc, "ACT_RU_EXECUTION", executionIds, Map.of(), "proc_def_id_ not like 'oversight-sweep%'", series(caseCopies));
        BenchData.copy(jdbc, "ACT_RU_TASK", Set.of("id_"), Map.of("execution_id_", caseOf, "proc_inst_id_", caseOf, "due_date_", due),
                "proc_def_id_ not like 'bench-one-task%'", series(taskCopies));
        BenchData.copy(jdbc, "ACT_RU_IDENTITYLINK", Set.of("id_", "task_id_"), Map.of("group_id_", group),
                "task_id_ in (select id_ from ACT_RU_TASK where proc_def_id_ not like 'bench-one-task%')", series(taskCopies));
        BenchData.copy(jdbc, "ACT_RU_AUTHORIZATION", Set.of("id_", "resource_id_"), Map.of("group_id_", group,
                "root_proc_inst_id_", caseOf), "resource_type_ = 7 and resource_id_ in (select id_ from ACT_RU_TASK"
                        + " where proc_def_id_ not like 'bench-one-task%')", series(taskCopies));
        BenchData.copy(jdbc, "ACT_RU_JOB", Set.of("id_"), Map.of("execution_id_", caseOf, "process_instance_id_", caseOf,
                "root_proc_inst_id_", caseOf, "duedate_", days("%1$s", "mod(g, 40)")), "type_ = 'timer'"
                        + " and execution_id_ is not null", series(caseCopies));
        BenchData.copy(jdbc, "oversight_task", Set.of("task_id"), Map.of("process_instance_id", caseOf, "root_process_instance_id",
                caseOf, "business_key", caseOf, "unit_code", unit, "candidate_group", group, "due_at", due),
                "process_definition_key <> 'bench-one-task'", series(taskCopies));
        long history = BenchData.historyRows(jdbc);
        int historyCopies = (int) Math.max(0, Math.ceil((HISTORY - history) / (double) history));
        Set<String> historyIds = Set.of("id_", "proc_inst_id_", "execution_id_", "root_proc_inst_id_",
                "parent_act_inst_id_", "call_proc_inst_id_", "task_id_", "act_inst_id_", "super_process_instance_id_",
                "business_key_");
        for (String t : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
                "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK")) {
            BenchData.copy(jdbc, t, historyIds, Map.of(), "true", series(historyCopies));
        }
        // a year of completed steps for the on-time chart: 100 per commune and month, four in five on time
        jdbc.update("insert into oversight_step_done (task_id, unit_code, process_definition_key, task_definition_key,"
                + " due_at, completed_at) select 'bench-done-' || g, 'bench-u' || mod(g, " + UNITS + "), 'citizen-case',"
                + " 'classify-case', " + days("current_timestamp", "(0 - mod(g, 365))") + ", "
                + days("current_timestamp", "(0 - mod(g, 365) + case when mod(g, 5) = 0 then 2 else -1 end)")
                + " from " + series(UNITS * 12 * 100));
        if (!postgres) {
            jdbc.execute("set referential_integrity true");
        }
        // the copies were written around the listeners that keep the board's counters
        counters.rebuild();
    }

    private String series(int n) {
        return postgres ? "generate_series(1, " + n + ") g" : "(select cast(x as int) g from system_range(1, " + n + ")) gs";
    }

    private String days(String column, String days) {
        return postgres ? "(" + column + " + " + days + " * interval '1 day')" : "dateadd(day, " + days + ", " + column + ")";
    }

    // ---- completion ----

    // ---- helpers ----

    /** EXPLAIN ANALYZE of every query the board, the ladder, the outbox and the follow-ups run, at this size. */
    private void explainTheQueries() {
        String province = unitList();
        String district = districtUnits("bench-d1");
        String instance = jdbc.queryForObject("select process_instance_id from oversight_task where unit_code = 'bench-u7'"
                + " fetch first 1 rows only", String.class);
        explain("the board's first page (province)", "select * from oversight_task t where t.unit_code in (" + province
                + ") order by t.due_at asc nulls last, t.task_id offset 0 rows fetch next 50 rows only");
        explain("the board's filtered page (district + process)", "select * from oversight_task t where t.unit_code in ("
                + district + ") and t.process_definition_key = 'citizen-case' order by t.due_at asc nulls last,"
                + " t.task_id offset 0 rows fetch next 50 rows only");
        explain("the filtered page's total", "select count(*) from oversight_task t where t.unit_code in (" + district
                + ") and t.process_definition_key = 'citizen-case'");
        explain("the bucket counts, from the counters", "select unit_code, sum(n), sum(case when due_day < current_date"
                + " then n else 0 end), sum(case when due_day = current_date then n else 0 end), sum(case when due_day"
                + " > current_date and due_day <= current_date + 3 then n else 0 end), sum(case when due_day < current_date"
                + " and not assigned then n else 0 end) from oversight_unit_count where unit_code in (" + province
                + ") group by unit_code");
        explain("the bucket counts, today's tasks", "select unit_code, count(*), sum(case when assignee is null then 1"
                + " else 0 end) from oversight_task where unit_code in (" + province + ") and due_at >= current_date"
                + " and due_at < now() group by unit_code");
        explain("the code search", "select * from oversight_task t where t.unit_code in (" + province + ") and"
                + " (t.business_key = 'X' or t.process_instance_id = '" + instance + "') order by t.due_at, t.task_id"
                + " fetch next 50 rows only");
        explain("a follow-up finds the late step", "select task_id, task_name, due_at from oversight_task where"
                + " process_instance_id = '" + instance + "' and task_definition_key <> 'follow-up-overdue'"
                + " and due_at <= now() order by due_at desc fetch first 1 rows only");
        explain("the ladder's sweep, one page of one level", "select task_id, due_at from oversight_task t where"
                + " t.due_at < now() and (t.due_at > timestamp '1970-01-01' or (t.due_at = timestamp '1970-01-01'"
                + " and t.task_id > '')) and t.unit_code is not null and not exists (select 1 from oversight_notification n"
                + " where n.task_id = t.task_id and n.level = 1) order by t.due_at, t.task_id fetch first 1000 rows only");
        explain("a supervisor's notices", "select id from oversight_notification where (unit_code = 'bench-u7' and role"
                + " = 'supervisor') or (unit_code = 'hg' and role = 'supervisor') order by created_at desc, id desc"
                + " fetch first 20 rows only");
        explain("the outbox's pending mails", "select id from oversight_mail where status = 'PENDING' order by id"
                + " fetch first 500 rows only");
        explain("an officer's digest and /my-deadlines", "select business_key, task_name, due_at from oversight_task"
                + " where due_at < now() + interval '1 day' and (assignee = 'tiepdan.p1' or (assignee is null and"
                + " candidate_group in ('bench-u7:reception-officer'))) order by due_at fetch first 200 rows only");
        explain("the on-time chart (province, 12 months)", "select unit_code, done_month, on_time, n from"
                + " oversight_unit_month where done_month >= current_date - 365 and unit_code in (" + province + ")");
    }

    private void explain(String what, String sql) {
        System.out.println("BENCHMARK EXPLAIN ANALYZE, " + what + ":");
        jdbc.queryForList("explain (analyze, buffers) " + sql, String.class).stream()
                .map(l -> l.length() > 200 ? l.substring(0, 200) + " …" : l)
                .forEach(l -> System.out.println("BENCHMARK     " + l));
    }

    private String unitList() {
        StringBuilder in = new StringBuilder("'hg'");
        jdbc.queryForList("select code from org_unit", String.class).forEach(c -> in.append(", '").append(c).append("'"));
        return in.toString();
    }

    private String districtUnits(String district) {
        StringBuilder in = new StringBuilder("'" + district + "'");
        jdbc.queryForList("select code from org_unit where parent_code = ?", String.class, district)
                .forEach(c -> in.append(", '").append(c).append("'"));
        return in.toString();
    }

    private void analyze() {
        jdbc.execute("analyze");
    }

    private long openTasks() {
        return jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
    }

    private long openCases() {
        return jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION where id_ = proc_inst_id_", Long.class);
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void row(String what, String figure, String note) {
        table.put(what, new String[] {figure, note});
    }

    private static String fmt(double[] p) {
        return String.format("%.1f / %.1f", p[0], p[1]);
    }

    private static String f(double v) {
        return String.format("%.1f", v);
    }
}
