package vn.qcdc.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.qcdc.cases.CaseRepository;
import vn.qcdc.rules.DeadlineRule;
import vn.qcdc.rules.DeadlineService;
import vn.qcdc.rules.WorkingDayCalendar;
import vn.qcdc.platform.Refusal;

/** The board's rows, bucket counts and on-time rates, read from the board's tables within one scope. */
@Service
public class OversightBoard {

    static final int MAX_EXPORT_ROWS = 20_000;

    /** One open task as the board shows it. */
    public record TaskRow(String taskId, String processInstanceId, String businessKey, String kind, String title,
            String unitCode, String unitName, String processKey, String processName, String stepKey, String stepName,
            String assignee, String candidateGroup, Instant createdAt, Instant dueAt, Instant followUpAt,
            Integer lateWorkingDays, Integer lateCalendarDays, String ruleCode, String legalBasis,
            Instant caseDeadline) {
        /** Past its due date when the row was read: only then has it days late. */
        public boolean overdue() {
            return lateCalendarDays != null && lateCalendarDays >= 0 && dueAt != null;
        }
    }

    /** One page; {@code counts} are the bucket counts of the filter's units where the total came from them, else null. */
    public record Page(List<TaskRow> rows, long total, BoardFilter filter, List<UnitCounts> counts) {
        public int pages() {
            return (int) Math.max(1, (total + filter.size() - 1) / filter.size());
        }
    }

    /** The bucket counts of one unit. */
    public record UnitCounts(String unitCode, String unitName, long open, long overdue, long today, long soon,
            long unassignedOverdue) {
    }

    /** On-time rate per month of one unit (null where no step with a due date was completed that month). */
    public record OnTime(String unitCode, String unitName, List<Double> percents, List<Long> completed) {
    }

    private final JdbcTemplate jdbc;
    private final WorkingDayCalendar calendar;
    private final DeadlineService deadlines;
    private final CaseRepository cases;
    private final ProcessSteps processSteps;
    private final Clock clock;

    OversightBoard(JdbcTemplate jdbc, WorkingDayCalendar calendar, DeadlineService deadlines, CaseRepository cases,
            ProcessSteps processSteps, Clock clock) {
        this.processSteps = processSteps;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.cases = cases;
        this.clock = clock;
    }

    private ZoneId zone() {
        return deadlines.zone();
    }

    /** The instants that bound the buckets: now, the start of tomorrow, the end of the third working day. */
    record Bounds(Instant now, Instant tomorrow, Instant soonEnd) {
    }

    Bounds bounds() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone()).toLocalDate();
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone()).toInstant();
        Instant soonEnd = calendar.addWorkingDays(today, 3).plusDays(1).atStartOfDay(zone()).toInstant();
        return new Bounds(now, tomorrow, soonEnd);
    }

    Page page(OversightScope.Scope scope, BoardFilter filter) {
        Query q = where(scope, filter);
        if (q == null) {
            return new Page(List.of(), 0, filter, null);
        }
        List<UnitCounts> counts = countable(filter) ? summary(scope, unitsOf(scope, filter)) : null;
        Long total = counts == null
                ? jdbc.queryForObject("select count(*) from oversight_task t where " + q.sql, Long.class, q.args.toArray())
                : counts.stream().mapToLong(c -> filter.bucket() == null ? c.open()
                        : filter.bucket() == BoardFilter.Bucket.OVERDUE ? c.overdue() : c.unassignedOverdue()).sum();
        List<TaskRow> rows = rows(scope, q, filter, filter.size(), (long) filter.page() * filter.size());
        return new Page(rows, total == null ? 0 : total, filter, counts);
    }

    /** Whether the counters give the filter's total: the scope (and the overdue buckets) alone. */
    private static boolean countable(BoardFilter f) {
        boolean scopeOnly = f.process() == null && f.step() == null && f.assignee() == null && f.candidateGroup() == null
                && f.kind() == null && f.dueFrom() == null && f.dueTo() == null && f.search() == null;
        return scopeOnly && (f.bucket() == null || f.bucket() == BoardFilter.Bucket.OVERDUE
                || f.bucket() == BoardFilter.Bucket.UNASSIGNED_OVERDUE);
    }

    /** The units a filter covers within a scope: its unit's subtree, or the whole scope. */
    static Collection<String> unitsOf(OversightScope.Scope scope, BoardFilter filter) {
        return filter.unit() != null && scope.covers(filter.unit()) ? scope.subtree(filter.unit()) : scope.units();
    }

    /** Every row the filter selects, for the exports; refused beyond {@value #MAX_EXPORT_ROWS}. */
    List<TaskRow> all(OversightScope.Scope scope, BoardFilter filter) {
        Query q = where(scope, filter);
        if (q == null) {
            return List.of();
        }
        Long total = jdbc.queryForObject("select count(*) from oversight_task t where " + q.sql, Long.class,
                q.args.toArray());
        if (total != null && total > MAX_EXPORT_ROWS) {
            throw new Refusal("oversight.refused.export-size", total, MAX_EXPORT_ROWS);
        }
        return rows(scope, q, filter, MAX_EXPORT_ROWS, 0);
    }

    private List<TaskRow> rows(OversightScope.Scope scope, Query q, BoardFilter filter, int limit, long offset) {
        String order = filter.sort().column + (filter.descending() ? " desc" : " asc");
        String nulls = filter.sort() == BoardFilter.Sort.DUE ? (filter.descending() ? " nulls first" : " nulls last") : "";
        List<Object> args = new ArrayList<>(q.args);
        args.add(offset);
        args.add(limit);
        List<Map<String, Object>> raw = jdbc.queryForList("select * from oversight_task t where " + q.sql
                + " order by " + order + nulls + ", t.task_id offset ? rows fetch next ? rows only", args.toArray());
        Set<String> codes = new java.util.HashSet<>();
        raw.forEach(r -> {
            if (r.get("BUSINESS_KEY") instanceof String key) {
                codes.add(key);
            }
        });
        Map<String, Instant> caseDeadlines = cases.statutoryDeadlines(codes);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Set<String> ruleCodes = new java.util.HashSet<>();
        LocalDate earliestDue = today;
        for (Map<String, Object> r : raw) {
            if (r.get("RULE_CODE") instanceof String code) {
                ruleCodes.add(code);
            }
            Instant due = instant(r.get("DUE_AT"));
            if (due != null && due.atZone(zone()).toLocalDate().isBefore(earliestDue)) {
                earliestDue = due.atZone(zone()).toLocalDate();
            }
        }
        // one read of the rules and one of the holidays for the whole page, however many rows and days it has
        Map<String, List<DeadlineRule>> versions = deadlines.versionsOf(ruleCodes);
        WorkingDayCalendar.Span lateSpan = calendar.span(earliestDue, today);
        Map<LocalDate, Integer> lateByDay = new HashMap<>();
        List<TaskRow> rows = new ArrayList<>();
        for (Map<String, Object> r : raw) {
            Instant due = instant(r.get("DUE_AT"));
            Integer lateDays = null;
            Integer lateWorking = null;
            if (due != null && due.isBefore(now)) {
                LocalDate dueDay = due.atZone(zone()).toLocalDate();
                lateDays = (int) ChronoUnit.DAYS.between(dueDay, today);
                lateWorking = lateByDay.computeIfAbsent(dueDay, d -> lateSpan.workingDaysAfter(d, today));
            }
            String ruleCode = (String) r.get("RULE_CODE");
            Instant created = instant(r.get("CREATED_AT"));
            String basis = ruleCode == null ? null : legalBasis(versions.get(ruleCode), created);
            String businessKey = (String) r.get("BUSINESS_KEY");
            String unit = (String) r.get("UNIT_CODE");
            rows.add(new TaskRow((String) r.get("TASK_ID"), (String) r.get("PROCESS_INSTANCE_ID"), businessKey,
                    (String) r.get("KIND"), (String) r.get("TITLE"), unit, scope.nameOf(unit),
                    (String) r.get("PROCESS_DEFINITION_KEY"), (String) r.get("PROCESS_NAME"),
                    (String) r.get("TASK_DEFINITION_KEY"), (String) r.get("TASK_NAME"), (String) r.get("ASSIGNEE"),
                    (String) r.get("CANDIDATE_GROUP"), created, due, instant(r.get("FOLLOW_UP_AT")), lateWorking,
                    lateDays, ruleCode, basis, businessKey == null ? null : caseDeadlines.get(businessKey)));
        }
        return rows;
    }

    private String legalBasis(List<DeadlineRule> versions, Instant createdAt) {
        LocalDate day = createdAt.atZone(zone()).toLocalDate();
        return versions.stream().filter(v -> v.inForceOn(day)).reduce((older, newer) -> newer)
                .map(DeadlineRule::legalBasis).orElse(null);
    }

    /**
     * Bucket counts per unit of the scope (or of the filter's unit subtree), in the scope's tree order:
     * from the per-day counters, with only today's tasks read one by one (part of them is overdue already).
     */
    List<UnitCounts> summary(OversightScope.Scope scope, Collection<String> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        Bounds b = bounds();
        LocalDate today = b.now().atZone(zone()).toLocalDate();
        LocalDate soonLast = b.soonEnd().atZone(zone()).toLocalDate().minusDays(1);
        Map<String, long[]> byUnit = new HashMap<>();
        List<Object> args = new ArrayList<>();
        java.sql.Date todayDate = java.sql.Date.valueOf(today);
        args.add(todayDate);
        args.add(todayDate);
        args.add(todayDate);
        args.add(java.sql.Date.valueOf(soonLast));
        args.add(todayDate);
        args.addAll(units);
        jdbc.query("select unit_code, sum(n),"
                + " sum(case when due_day < ? then n else 0 end),"
                + " sum(case when due_day = ? then n else 0 end),"
                + " sum(case when due_day > ? and due_day <= ? then n else 0 end),"
                + " sum(case when due_day < ? and not assigned then n else 0 end)"
                + " from oversight_unit_count where unit_code in (" + marks(units.size()) + ") group by unit_code",
                (ResultSet rs) -> {
                    byUnit.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)});
                }, args.toArray());
        // today's tasks: those due before now are overdue, the rest due today
        List<Object> todayArgs = new ArrayList<>(units);
        todayArgs.add(Timestamp.from(today.atStartOfDay(zone()).toInstant()));
        todayArgs.add(Timestamp.from(b.now()));
        jdbc.query("select unit_code, count(*), sum(case when assignee is null then 1 else 0 end) from oversight_task"
                + " where unit_code in (" + marks(units.size()) + ") and due_at >= ? and due_at < ? group by unit_code",
                (ResultSet rs) -> {
                    long[] c = byUnit.get(rs.getString(1));
                    if (c != null) {
                        c[1] += rs.getLong(2);
                        c[2] -= rs.getLong(2);
                        c[4] += rs.getLong(3);
                    }
                }, todayArgs.toArray());
        List<UnitCounts> result = new ArrayList<>();
        for (String unit : units) {
            long[] c = byUnit.get(unit);
            if (c != null && c[0] > 0) {
                result.add(new UnitCounts(unit, scope.nameOf(unit), c[0], c[1], c[2], c[3], c[4]));
            }
        }
        return result;
    }

    /** The on-time rate per unit and month for the last {@code months} months, from the completed steps. */
    Map<String, Object> onTime(OversightScope.Scope scope, Collection<String> units, int months) {
        YearMonth thisMonth = YearMonth.now(clock);
        YearMonth first = thisMonth.minusMonths(months - 1L);
        List<YearMonth> axis = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(thisMonth); m = m.plusMonths(1)) {
            axis.add(m);
        }
        Map<String, long[][]> perUnit = new TreeMap<>();
        if (!units.isEmpty()) {
            List<Object> args = new ArrayList<>();
            args.add(java.sql.Date.valueOf(first.atDay(1)));
            args.addAll(units);
            jdbc.query("select unit_code, done_month, on_time, n from oversight_unit_month where done_month >= ? and unit_code in ("
                    + marks(units.size()) + ")", (ResultSet rs) -> {
                        int index = axis.indexOf(YearMonth.from(rs.getDate(2).toLocalDate()));
                        if (index >= 0) {
                            long[][] counts = perUnit.computeIfAbsent(rs.getString(1), k -> new long[axis.size()][2]);
                            counts[index][0] += rs.getLong(4);
                            if (rs.getBoolean(3)) {
                                counts[index][1] += rs.getLong(4);
                            }
                        }
                    }, args.toArray());
        }
        List<OnTime> series = new ArrayList<>();
        long[][] total = new long[axis.size()][2];
        for (String unit : units) {
            long[][] counts = perUnit.get(unit);
            if (counts == null) {
                continue;
            }
            List<Double> percents = new ArrayList<>();
            List<Long> done = new ArrayList<>();
            for (int i = 0; i < axis.size(); i++) {
                total[i][0] += counts[i][0];
                total[i][1] += counts[i][1];
                percents.add(counts[i][0] == 0 ? null : Math.round(1000.0 * counts[i][1] / counts[i][0]) / 10.0);
                done.add(counts[i][0]);
            }
            series.add(new OnTime(unit, scope.nameOf(unit), percents, done));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", axis.stream().map(m -> "%02d/%d".formatted(m.getMonthValue(), m.getYear())).toList());
        chart.put("units", series);
        List<Double> totalPercents = new ArrayList<>();
        for (long[] month : total) {
            totalPercents.add(month[0] == 0 ? null : Math.round(1000.0 * month[1] / month[0]) / 10.0);
        }
        chart.put("total", totalPercents);
        return chart;
    }

    /** The deployed processes with user tasks, for the filters' choices (key to name). */
    Map<String, String> processes() {
        Map<String, String> result = new TreeMap<>();
        processSteps.all().forEach(p -> result.put(p.key(), p.name()));
        return result;
    }

    private record Query(String sql, List<Object> args) {
    }

    /** The where clause for a filter within a scope, or null where it can select nothing. */
    private Query where(OversightScope.Scope scope, BoardFilter f) {
        Collection<String> units = scope.units();
        if (f.unit() != null) {
            if (!scope.covers(f.unit())) {
                throw new Refusal("oversight.refused.unit", f.unit());
            }
            units = scope.subtree(f.unit());
        }
        if (units.isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder("t.unit_code in (" + marks(units.size()) + ")");
        List<Object> args = new ArrayList<>(units);
        equal(sql, args, "t.process_definition_key", f.process());
        equal(sql, args, "t.task_definition_key", f.step());
        equal(sql, args, "t.assignee", f.assignee());
        equal(sql, args, "t.candidate_group", f.candidateGroup());
        equal(sql, args, "t.kind", f.kind());
        if (f.dueFrom() != null) {
            sql.append(" and t.due_at >= ?");
            args.add(Timestamp.from(f.dueFrom().atStartOfDay(zone()).toInstant()));
        }
        if (f.dueTo() != null) {
            sql.append(" and t.due_at < ?");
            args.add(Timestamp.from(f.dueTo().plusDays(1).atStartOfDay(zone()).toInstant()));
        }
        if (f.search() != null) {
            sql.append(" and (t.business_key = ? or t.process_instance_id = ?)");
            args.add(f.search().toUpperCase(java.util.Locale.ROOT));
            args.add(f.search());
        }
        if (f.bucket() != null) {
            Bounds b = bounds();
            switch (f.bucket()) {
                case OVERDUE -> {
                    sql.append(" and t.due_at < ?");
                    args.add(Timestamp.from(b.now()));
                }
                case TODAY -> {
                    sql.append(" and t.due_at >= ? and t.due_at < ?");
                    args.add(Timestamp.from(b.now()));
                    args.add(Timestamp.from(b.tomorrow()));
                }
                case SOON -> {
                    sql.append(" and t.due_at >= ? and t.due_at < ?");
                    args.add(Timestamp.from(b.now()));
                    args.add(Timestamp.from(b.soonEnd()));
                }
                case UNASSIGNED_OVERDUE -> {
                    sql.append(" and t.assignee is null and t.due_at < ?");
                    args.add(Timestamp.from(b.now()));
                }
            }
        }
        return new Query(sql.toString(), args);
    }

    /** The unit and the units below it, within the scope. */
    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : null;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
