package vn.qcdc.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CaseRepository {

    private static final String COLUMNS = "id, tracking_code, kind, channel, unit_code, title, content, citizen_name,"
            + " citizen_address, citizen_contact, anonymous, remote_area, received_at, round, parent_case_id, source_ref,"
            + " status, next_step, next_deadline, statutory_deadline, decision_text, decision_at, closed_at,"
            + " withdrawn_at, process_instance_id";

    private final JdbcTemplate jdbc;

    CaseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CitizenCase> find(long id) {
        return jdbc.query("select " + COLUMNS + " from citizen_case where id = ?", CaseRepository::map, id).stream().findFirst();
    }

    public Optional<CitizenCase> findByCode(String code) {
        return jdbc.query("select " + COLUMNS + " from citizen_case where tracking_code = ?", CaseRepository::map, code)
                .stream().findFirst();
    }

    /** The statutory deadline of each case of {@code codes} that has one, by tracking code. */
    public java.util.Map<String, Instant> statutoryDeadlines(java.util.Collection<String> codes) {
        java.util.Map<String, Instant> result = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return result;
        }
        jdbc.query("select tracking_code, statutory_deadline from citizen_case where statutory_deadline is not null"
                + " and tracking_code in (" + String.join(", ", java.util.Collections.nCopies(codes.size(), "?")) + ")",
                (ResultSet rs) -> {
                    result.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }, codes.toArray());
        return result;
    }

    public List<CitizenCase> findByUnits(List<String> unitCodes, int limit) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", unitCodes.stream().map(u -> "?").toList());
        return jdbc.query("select " + COLUMNS + " from citizen_case where unit_code in (" + in + ")"
                + " order by received_at desc fetch first " + limit + " rows only", CaseRepository::map, unitCodes.toArray());
    }

    /** Open cases for Open311 and dashboards; never denunciations there (callers filter by kind). */
    public List<CitizenCase> findByKinds(List<CaseKind> kinds, int limit) {
        String in = String.join(",", kinds.stream().map(k -> "'" + k.name() + "'").toList());
        return jdbc.query("select " + COLUMNS + " from citizen_case where kind in (" + in + ")"
                + " order by received_at desc fetch first " + limit + " rows only", CaseRepository::map);
    }

    void updatePinHash(long id, String pinHash) {
        jdbc.update("update citizen_case set pin_hash = ? where id = ?", pinHash, id);
    }

    boolean hasFollowUpCase(long id) {
        return jdbc.queryForObject("select count(*) from citizen_case where parent_case_id = ?", Integer.class, id) > 0;
    }

    Optional<String> pinHash(String code) {
        return jdbc.query("select pin_hash from citizen_case where tracking_code = ?", (rs, i) -> rs.getString(1), code)
                .stream().findFirst();
    }

    boolean trackingCodeTaken(String code) {
        return !jdbc.queryForList("select 1 from citizen_case where tracking_code = ?", Integer.class, code).isEmpty();
    }

    record Replay(String trackingCode, String fingerprint) {
    }

    Optional<Replay> replayOf(String storedKey) {
        return jdbc.query("select tracking_code, request_fingerprint from citizen_case where idempotency_key = ?",
                (rs, i) -> new Replay(rs.getString(1), rs.getString(2)), storedKey).stream().findFirst();
    }

    long insert(NewCase c) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into citizen_case (tracking_code, pin_hash, kind, channel, unit_code, title,"
                    + " content, citizen_name, citizen_address, citizen_contact, anonymous, remote_area, received_at, round,"
                    + " parent_case_id, source_ref, status, idempotency_key, request_fingerprint)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, c.trackingCode());
            ps.setString(2, c.pinHash());
            ps.setString(3, c.kind().name());
            ps.setString(4, c.channel().name());
            ps.setString(5, c.unitCode());
            ps.setString(6, c.title());
            ps.setString(7, c.content());
            ps.setString(8, c.citizenName());
            ps.setString(9, c.citizenAddress());
            ps.setString(10, c.citizenContact());
            ps.setBoolean(11, c.anonymous());
            ps.setBoolean(12, c.remoteArea());
            ps.setTimestamp(13, Timestamp.from(c.receivedAt()));
            ps.setInt(14, c.round());
            ps.setObject(15, c.parentCaseId());
            ps.setString(16, c.sourceRef());
            ps.setString(17, CaseStatus.RECEIVED.name());
            ps.setString(18, c.idempotencyKey());
            ps.setString(19, c.requestFingerprint());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    record NewCase(String trackingCode, String pinHash, CaseKind kind, Channel channel, String unitCode, String title,
            String content, String citizenName, String citizenAddress, String citizenContact, boolean anonymous,
            boolean remoteArea, Instant receivedAt, int round, Long parentCaseId, String sourceRef, String idempotencyKey,
            String requestFingerprint) {
    }

    /** Received cases whose process has not started yet: the intake backlog. */
    public long countAwaitingProcess() {
        return jdbc.queryForObject("select count(*) from citizen_case where process_instance_id is null and closed_at is null",
                Long.class);
    }

    /** The case row, locked until the transaction ends. */
    Optional<CitizenCase> lockForProcessStart(long id) {
        return jdbc.query("select " + COLUMNS + " from citizen_case where id = ? for update", CaseRepository::map, id)
                .stream().findFirst();
    }

    void linkProcess(long id, String processInstanceId) {
        jdbc.update("update citizen_case set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    public void updateProgress(long id, CaseStatus status, String nextStep, Instant nextDeadline) {
        jdbc.update("update citizen_case set status = coalesce(?, status), next_step = ?, next_deadline = ? where id = ?",
                status == null ? null : status.name(), nextStep, ts(nextDeadline), id);
    }

    public void updateStatutoryDeadline(long id, Instant deadline) {
        jdbc.update("update citizen_case set statutory_deadline = ? where id = ?", ts(deadline), id);
    }

    /** Why a withdrawn denunciation is still resolved (codes separated by commas), or null. */
    void recordContinuationGrounds(long id, String grounds) {
        jdbc.update("update citizen_case set continuation_grounds = ? where id = ?", grounds, id);
    }

    public Optional<String> continuationGrounds(long id) {
        return jdbc.query("select continuation_grounds from citizen_case where id = ?", (rs, i) -> rs.getString(1), id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public void moveToUnit(long id, String unitCode) {
        jdbc.update("update citizen_case set unit_code = ? where id = ?", unitCode, id);
    }

    public void moveAllToUnit(String fromUnit, String toUnit) {
        jdbc.update("update citizen_case set unit_code = ? where unit_code = ? and closed_at is null", toUnit, fromUnit);
    }

    public void decide(long id, String decisionText, Instant at) {
        jdbc.update("update citizen_case set decision_text = ?, decision_at = ?, status = ? where id = ?",
                decisionText, ts(at), CaseStatus.DECIDED.name(), id);
    }

    public void close(long id, CaseStatus status, Instant at) {
        jdbc.update("update citizen_case set status = ?, closed_at = ?, next_step = null, next_deadline = null where id = ?",
                status.name(), ts(at), id);
    }

    void markWithdrawn(long id, Instant at) {
        jdbc.update("update citizen_case set withdrawn_at = ? where id = ?", ts(at), id);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static CitizenCase map(ResultSet rs, int row) throws SQLException {
        Long parent = rs.getObject("parent_case_id") == null ? null : rs.getLong("parent_case_id");
        return new CitizenCase(rs.getLong("id"), rs.getString("tracking_code"), CaseKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")), rs.getString("unit_code"), rs.getString("title"),
                rs.getString("content"), rs.getString("citizen_name"), rs.getString("citizen_address"),
                rs.getString("citizen_contact"), rs.getBoolean("anonymous"), rs.getBoolean("remote_area"),
                instant(rs, "received_at"), rs.getInt("round"), parent,
                rs.getString("source_ref"), CaseStatus.valueOf(rs.getString("status")), rs.getString("next_step"),
                instant(rs, "next_deadline"), instant(rs, "statutory_deadline"), rs.getString("decision_text"),
                instant(rs, "decision_at"), instant(rs, "closed_at"), instant(rs, "withdrawn_at"),
                rs.getString("process_instance_id"));
    }
}
