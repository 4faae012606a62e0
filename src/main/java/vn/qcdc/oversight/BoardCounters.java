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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.qcdc.rules.DeadlineService;

/**
 * Open tasks counted per unit, due day and assigned-or-not ({@code oversight_unit_count}), kept with the
 * board's rows so that the bucket counts of a province read a few thousand counters instead of every
 * open task. A transaction's changes are summed and written just before it commits, in key order, so
 * two transactions lock the counters they share in the same order and never deadlock on them.
 */
@Repository
class BoardCounters {

    /** Tasks without a due date count on this day. */
    static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    record Key(String unit, LocalDate dueDay, boolean assigned) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::unit).thenComparing(Key::dueDay)
            .thenComparing(Key::assigned);

    private final JdbcTemplate jdbc;
    private final DeadlineService deadlines;
    private volatile Boolean postgres;

    BoardCounters(JdbcTemplate jdbc, DeadlineService deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    void add(String unit, Timestamp dueAt, String assignee, int delta) {
        if (unit == null) {
            return;
        }
        Key key = new Key(unit, dayOf(dueAt), assignee != null);
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

    LocalDate dayOf(Timestamp dueAt) {
        return dueAt == null ? NO_DUE_DATE : dueAt.toInstant().atZone(zone()).toLocalDate();
    }

    ZoneId zone() {
        return deadlines.zone();
    }

    private void write(Key k, long delta) {
        Object[] args = {k.unit(), Date.valueOf(k.dueDay()), k.assigned(), delta};
        if (isPostgres()) {
            jdbc.update("insert into oversight_unit_count (unit_code, due_day, assigned, n) values (?, ?, ?, ?)"
                    + " on conflict (unit_code, due_day, assigned) do update set n = oversight_unit_count.n + excluded.n",
                    args);
        } else {
            jdbc.update("merge into oversight_unit_count c using (values (cast(? as varchar(40)), cast(? as date),"
                    + " cast(? as boolean), cast(? as bigint))) d (unit_code, due_day, assigned, n)"
                    + " on c.unit_code = d.unit_code and c.due_day = d.due_day and c.assigned = d.assigned"
                    + " when matched then update set n = c.n + d.n"
                    + " when not matched then insert (unit_code, due_day, assigned, n)"
                    + " values (d.unit_code, d.due_day, d.assigned, d.n)", args);
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
