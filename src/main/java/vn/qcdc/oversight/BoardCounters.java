package vn.qcdc.oversight;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.qcdc.rules.DeadlineService;

/**
 * The board's counters, kept with its rows so that a province's counts read a few thousand counters
 * instead of every task: open tasks per unit, due day and assigned-or-not ({@code oversight_unit_count}),
 * and steps completed per unit, month and on-time-or-not ({@code oversight_unit_month}). A transaction's
 * changes are summed and written just before it commits, in key order, so two transactions lock the
 * counters they share in the same order and never deadlock on them.
 */
@Repository
public class BoardCounters {

    /** Tasks without a due date count on this day. */
    static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    /** The two counter tables: same shape, (unit, day, flag) → n. */
    enum Table {
        OPEN("oversight_unit_count", "due_day", "assigned"), DONE("oversight_unit_month", "done_month", "on_time");

        final String name;
        final String day;
        final String flag;

        Table(String name, String day, String flag) {
            this.name = name;
            this.day = day;
            this.flag = flag;
        }
    }

    record Key(Table table, String unit, LocalDate day, boolean flag) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::table).thenComparing(Key::unit)
            .thenComparing(Key::day).thenComparing(Key::flag);

    private final JdbcTemplate jdbc;
    private final DeadlineService deadlines;
    private volatile Boolean postgres;

    BoardCounters(JdbcTemplate jdbc, DeadlineService deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    /** One open task more ({@code delta} 1) or less (-1) in its unit on its due day. */
    void open(String unit, Timestamp dueAt, String assignee, int delta) {
        add(new Key(Table.OPEN, unit, dayOf(dueAt), assignee != null), delta);
    }

    /** One step with a due date completed in its unit this month, by its due date or not. */
    void done(String unit, Timestamp dueAt, Timestamp completedAt) {
        if (dueAt != null) {
            add(new Key(Table.DONE, unit, dayOf(completedAt).withDayOfMonth(1), !completedAt.after(dueAt)), 1);
        }
    }

    private void add(Key key, int delta) {
        if (key.unit() == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(key, delta);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Key, Long> pending = (Map<Key, Long>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<Key, Long> created = new TreeMap<>(ORDER);
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.forEach((k, d) -> {
                        if (d != 0) {
                            write(k, d);
                        }
                    });
                    created.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BoardCounters.this);
                }
            });
            pending = created;
        }
        pending.merge(key, (long) delta, Long::sum);
    }

    /**
     * Counts both tables again from the board's rows: after rows were written around the listeners
     * (a bulk load, a restore). Not for a running system with open transactions on the board.
     */
    @Transactional
    public void rebuild() {
        jdbc.update("delete from oversight_unit_count");
        jdbc.update("delete from oversight_unit_month");
        jdbc.query("select unit_code, due_at, assignee from oversight_task where unit_code is not null",
                rs -> { open(rs.getString(1), rs.getTimestamp(2), rs.getString(3), 1); });
        jdbc.query("select unit_code, due_at, completed_at from oversight_step_done where unit_code is not null",
                rs -> { done(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3)); });
    }

    LocalDate dayOf(Timestamp at) {
        return at == null ? NO_DUE_DATE : at.toInstant().atZone(zone()).toLocalDate();
    }

    ZoneId zone() {
        return deadlines.zone();
    }

    private void write(Key k, long delta) {
        Table t = k.table();
        Object[] args = {k.unit(), Date.valueOf(k.day()), k.flag(), delta};
        if (isPostgres()) {
            jdbc.update("insert into " + t.name + " (unit_code, " + t.day + ", " + t.flag + ", n) values (?, ?, ?, ?)"
                    + " on conflict (unit_code, " + t.day + ", " + t.flag + ") do update set n = " + t.name
                    + ".n + excluded.n", args);
        } else {
            jdbc.update("merge into " + t.name + " c using (values (cast(? as varchar(40)), cast(? as date),"
                    + " cast(? as boolean), cast(? as bigint))) d (u, d_day, d_flag, n)"
                    + " on c.unit_code = d.u and c." + t.day + " = d.d_day and c." + t.flag + " = d.d_flag"
                    + " when matched then update set n = c.n + d.n"
                    + " when not matched then insert (unit_code, " + t.day + ", " + t.flag + ", n)"
                    + " values (d.u, d.d_day, d.d_flag, d.n)", args);
        }
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData()
                    .getDatabaseProductName()));
        }
        return postgres;
    }
}
