package vn.qcdc.oversight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ids of the open tasks due first among those offered to some candidate groups or assigned to a user, read
 * from the board's table of open tasks: one index range of {@code (candidate_group, due_at)} per group, so the
 * answer costs the same whether a group holds ten open tasks or twenty thousand. The engine's own query reads
 * every task of the groups to sort them. Callers load the tasks themselves through the engine, whose visibility
 * check decides again what the user may see; this only says which few to ask for.
 */
@Component
public class UrgentTasks {

    private static final int MAX_GROUPS = 50;

    private final JdbcTemplate jdbc;

    UrgentTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} ids, due first (tasks without a due date last). */
    public List<String> dueFirst(Collection<String> candidateGroups, String assignee, int limit) {
        List<String> branches = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        candidateGroups.stream().distinct().limit(MAX_GROUPS).forEach(group -> {
            branches.add(branch("candidate_group"));
            arguments.add(group);
        });
        if (assignee != null) {
            branches.add(branch("assignee"));
            arguments.add(assignee);
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select distinct task_id, due_at, created_at from ("
                + String.join(" union all ", branches).replace("#limit", Integer.toString(limit))
                + ") urgent order by due_at nulls last, created_at, task_id fetch first " + limit + " rows only",
                arguments.toArray())
                .stream().map(row -> (String) row.get("task_id")).toList();
    }

    private static String branch(String column) {
        return "(select task_id, due_at, created_at from oversight_task where " + column
                + " = ? order by due_at nulls last, created_at, task_id fetch first #limit rows only)";
    }
}
