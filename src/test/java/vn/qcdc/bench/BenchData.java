package vn.qcdc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the benchmarks share: seeding by SQL copies, history size, completion rate, percentiles. */
final class BenchData {

    private BenchData() {
    }

    /**
     * Copies every row of {@code table} matching {@code where} once per value {@code g} of {@code series}
     * (a FROM item naming the column {@code g}): {@code suffixed} columns get {@code -g} appended to their last 58
     * characters,
     * {@code special} ones an expression of their own ({@code %1$s} is the column). The table is analyzed
     * afterwards: the foreign-key checks of the next copy are planned from its statistics.
     */
    static void copy(JdbcTemplate jdbc, String table, Set<String> suffixed, Map<String, String> special, String where,
            String series) {
        List<String> columns = jdbc.queryForList("select lower(column_name) from information_schema.columns"
                + " where lower(table_name) = ? and lower(table_schema) = lower(current_schema)"
                + " order by ordinal_position", String.class, table.toLowerCase());
        List<String> values = columns.stream().map(c -> special.containsKey(c) ? String.format(special.get(c), c)
                // ids are 64 characters at most: the right end keeps an activity instance id's unique part (its uuid)
                : suffixed.contains(c) ? "right(" + c + ", 58) || '-' || g" : c).toList();
        jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from " + table + " cross join " + series + " where " + where);
        boolean postgres = "PostgreSQL".equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                c -> c.getMetaData().getDatabaseProductName()));
        jdbc.execute((postgres ? "analyze " : "analyze table ") + table);
    }

    static long historyRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select (select count(*) from ACT_HI_PROCINST) + (select count(*) from ACT_HI_ACTINST)"
                + " + (select count(*) from ACT_HI_TASKINST) + (select count(*) from ACT_HI_VARINST)"
                + " + (select count(*) from ACT_HI_DETAIL) + (select count(*) from ACT_HI_IDENTITYLINK)", Long.class);
    }

    /** Starts {@code count} instances of the one-task process and completes them as {@code officer}, 4 at a time. */
    static double completions(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            String officer, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            runtimeService.startProcessInstanceByKey("bench-one-task");
        }
        List<String> ids = taskService.createTaskQuery().processDefinitionKey("bench-one-task").list().stream()
                .map(Task::getId).toList();
        List<String> groups = identityService.createGroupQuery().groupMember(officer).list().stream().map(Group::getId)
                .toList();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (String id : ids) {
            done.add(pool.submit(() -> {
                identityService.setAuthentication(officer, groups);
                try {
                    taskService.complete(id);
                } finally {
                    identityService.clearAuthentication();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return ids.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** p50 and p95 of the measured milliseconds. */
    static double[] percentiles(List<Double> ms) {
        List<Double> sorted = ms.stream().sorted().toList();
        return new double[] {sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)};
    }
}
