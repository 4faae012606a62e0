package vn.qcdc.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Cases as the public may see them (the Open311 door reads them here). Privacy first: the query never even reads
 * the citizen's name, address or contact, and never a denunciation, whatever kinds the caller asks for.
 */
@Repository
public class PublicCases {

    /** The only columns ever read: nothing that names or locates the citizen. */
    public record PublicCase(long id, String trackingCode, CaseKind kind, String unitCode, String content,
            CaseStatus status, Instant receivedAt, Instant nextDeadline, Instant statutoryDeadline, Instant decisionAt,
            Instant closedAt) {
    }

    /** Which cases to list, among the given kinds; a null filter means none. Newest first, at most {@code max}. */
    public record Query(List<String> codes, List<CaseKind> kinds, Boolean open, Instant from, Instant to, int max) {
    }

    // a complaint is about the complainant's own rights: only its title is published, never its text
    private static final String COLUMNS = "id, tracking_code, kind, unit_code,"
            + " case when kind = 'COMPLAINT' then title else content end as content, status, received_at,"
            + " next_deadline, statutory_deadline, decision_at, closed_at";

    private final JdbcTemplate jdbc;

    PublicCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PublicCase> find(String trackingCode, List<CaseKind> kinds) {
        List<Object> args = new ArrayList<>(List.of(trackingCode.trim().toUpperCase(Locale.ROOT)));
        String sql = "select " + COLUMNS + " from citizen_case where tracking_code = ? and " + kindsIn(kinds, args);
        return jdbc.query(sql, PublicCases::map, args.toArray()).stream().findFirst();
    }

    public List<PublicCase> list(Query q) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from citizen_case where ")
                .append(kindsIn(q.kinds(), args));
        if (q.codes() != null) {
            sql.append(" and tracking_code in (").append(marks(q.codes().size())).append(')');
            q.codes().forEach(c -> args.add(c.toUpperCase(Locale.ROOT)));
        }
        if (q.open() != null) {
            List<String> statuses = Arrays.stream(CaseStatus.values()).filter(s -> s.finished() != q.open())
                    .map(Enum::name).toList();
            sql.append(" and status in (").append(marks(statuses.size())).append(')');
            args.addAll(statuses);
        }
        if (q.from() != null) {
            sql.append(" and received_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and received_at <= ?");
            args.add(Timestamp.from(q.to()));
        }
        sql.append(" order by received_at desc, id desc fetch first ").append(Math.max(0, q.max())).append(" rows only");
        return jdbc.query(sql.toString(), PublicCases::map, args.toArray());
    }

    private static String kindsIn(List<CaseKind> kinds, List<Object> args) {
        List<CaseKind> allowed = kinds.stream().filter(k -> k != CaseKind.DENUNCIATION).distinct().toList();
        args.addAll(allowed.stream().map(Enum::name).toList());
        return allowed.isEmpty() ? "1 = 0" : "kind in (" + marks(allowed.size()) + ")";
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static PublicCase map(ResultSet rs, int row) throws SQLException {
        return new PublicCase(rs.getLong("id"), rs.getString("tracking_code"), CaseKind.valueOf(rs.getString("kind")),
                rs.getString("unit_code"), rs.getString("content"), CaseStatus.valueOf(rs.getString("status")),
                instant(rs, "received_at"), instant(rs, "next_deadline"), instant(rs, "statutory_deadline"),
                instant(rs, "decision_at"), instant(rs, "closed_at"));
    }
}
