package vn.qcdc.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.petitions.CaseKind;
import vn.qcdc.petitions.CaseNotes;
import vn.qcdc.petitions.CaseStatus;

/**
 * The public face of cases for GET requests. Privacy first: the query never even reads the citizen's name,
 * address or contact, and never a denunciation (only the kinds of {@link Open311Catalogue#PUBLISHED}).
 */
@Repository
class Open311Requests {

    static final int MAX_RESULTS = 1000;

    /** Which requests to list; null means no filter. */
    record Query(List<String> codes, List<CaseKind> kinds, Boolean open, Instant from, Instant to) {
    }

    /** The only columns Open311 ever reads: nothing that names or locates the citizen. */
    private record PublicCase(long id, String trackingCode, CaseKind kind, String unitCode, String content,
            CaseStatus status, Instant receivedAt, Instant nextDeadline, Instant statutoryDeadline, Instant decisionAt,
            Instant closedAt) {
    }

    // a complaint is about the complainant's own rights: only its title is published, never its text
    private static final String COLUMNS = "id, tracking_code, kind, unit_code,"
            + " case when kind = 'COMPLAINT' then title else content end as content, status, received_at,"
            + " next_deadline, statutory_deadline, decision_at, closed_at";

    private final JdbcTemplate jdbc;
    private final CaseNotes notes;
    private final OrgUnitRepository units;
    private final Open311Catalogue catalogue;
    private final Open311Dates dates;

    Open311Requests(JdbcTemplate jdbc, CaseNotes notes, OrgUnitRepository units, Open311Catalogue catalogue,
            Open311Dates dates) {
        this.jdbc = jdbc;
        this.notes = notes;
        this.units = units;
        this.catalogue = catalogue;
        this.dates = dates;
    }

    Optional<GeoReport.Request> find(String trackingCode, Locale locale) {
        List<Object> args = new ArrayList<>(List.of(trackingCode.trim().toUpperCase(Locale.ROOT)));
        String sql = "select " + COLUMNS + " from citizen_case where tracking_code = ? and "
                + kindsIn(Open311Catalogue.PUBLISHED, args);
        return jdbc.query(sql, Open311Requests::map, args.toArray()).stream().findFirst()
                .map(c -> view(c, locale, new HashMap<>()));
    }

    List<GeoReport.Request> list(Query q, Locale locale) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from citizen_case where ")
                .append(kindsIn(Open311Catalogue.PUBLISHED, args));
        if (q.codes() != null) {
            sql.append(" and tracking_code in (").append(marks(q.codes().size())).append(')');
            q.codes().forEach(c -> args.add(c.toUpperCase(Locale.ROOT)));
        }
        if (q.kinds() != null) {
            sql.append(" and ").append(kindsIn(q.kinds(), args));
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
        sql.append(" order by received_at desc, id desc fetch first ").append(MAX_RESULTS).append(" rows only");
        Map<String, String> unitNames = new HashMap<>();
        return jdbc.query(sql.toString(), Open311Requests::map, args.toArray()).stream()
                .map(c -> view(c, locale, unitNames)).toList();
    }

    private GeoReport.Request view(PublicCase c, Locale locale, Map<String, String> unitNames) {
        List<CaseNotes.Note> publicNotes = notes.publicOf(c.id());
        String statusNotes = publicNotes.isEmpty() ? null
                : PublishedText.redact(publicNotes.get(publicNotes.size() - 1).text());
        String agency = unitNames.computeIfAbsent(c.unitCode(),
                code -> units.find(code).map(OrgUnit::name).orElse(code));
        Instant updated = Stream.of(c.receivedAt(), c.decisionAt(), c.closedAt())
                .filter(i -> i != null).max(Instant::compareTo).orElse(c.receivedAt());
        Instant expected = c.statutoryDeadline() != null ? c.statutoryDeadline() : c.nextDeadline();
        return new GeoReport.Request(c.trackingCode(), c.status().finished() ? "closed" : "open", statusNotes,
                catalogue.serviceName(c.kind(), locale), c.kind().name(), PublishedText.redact(c.content()), agency,
                dates.format(c.receivedAt()), dates.format(updated), dates.format(expected));
    }

    private static String kindsIn(List<CaseKind> kinds, List<Object> args) {
        List<CaseKind> allowed = kinds.stream().filter(Open311Catalogue.PUBLISHED::contains).distinct().toList();
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
