package vn.qcdc.selfcriticism;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.qcdc.platform.Inserts;

/** The rounds, sessions, officials, comments and action items of the annual self-criticism. */
@Repository
public class SelfCriticismStore {

    public record Session(long id, long roundId, int year, LocalDate roundDeadline, String unitCode, LocalDate date,
            String venue, SessionStatus status, String minutes, String attendance, String signedOffBy,
            Instant signedOffAt, String processInstanceId) {
    }

    public record Official(long id, long sessionId, String userId, String title, String selfAssessment,
            String peopleAssessment, String response) {
    }

    public record Comment(long id, long sessionId, Long officialId, String source, String body, String authorName,
            Status status, String rejectReason, String moderatedBy, Instant createdAt) {
        /** The values of {@code selfcriticism_comment.status}: a citizen's comment waits for moderation. */
        public enum Status { PENDING, APPROVED, REJECTED }
    }

    public record ActionItem(long id, long sessionId, long officialId, String body, String owner, LocalDate due,
            Status status, Instant doneAt) {
        /** The values of {@code selfcriticism_action.status}. */
        public enum Status { OPEN, DONE }
    }

    private static final String SESSION = "select s.id, s.round_id, r.round_year, r.deadline, s.unit_code, s.session_date,"
            + " s.venue, s.status, s.minutes_text, s.attendance, s.signed_off_by, s.signed_off_at, s.process_instance_id"
            + " from selfcriticism_session s join selfcriticism_round r on r.id = s.round_id";

    private final JdbcTemplate jdbc;

    SelfCriticismStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean roundExists(int year) {
        return jdbc.queryForObject("select count(*) from selfcriticism_round where round_year = ?", Long.class, year) > 0;
    }

    void recordOwner(long roundId, String processInstanceId) {
        jdbc.update("update selfcriticism_round set process_instance_id = ? where id = ?", processInstanceId, roundId);
    }

    /** The process instance that opened the round behind a round, a session or an action item: its owner. */
    String ownerOfRound(long roundId) {
        return owner("select process_instance_id from selfcriticism_round where id = ?", roundId);
    }

    String ownerOfSession(long sessionId) {
        return owner("select r.process_instance_id from selfcriticism_round r join selfcriticism_session s"
                + " on s.round_id = r.id where s.id = ?", sessionId);
    }

    String ownerOfAction(long actionItemId) {
        return owner("select r.process_instance_id from selfcriticism_round r join selfcriticism_session s"
                + " on s.round_id = r.id join selfcriticism_action a on a.session_id = s.id where a.id = ?", actionItemId);
    }

    private String owner(String sql, long id) {
        return jdbc.queryForList(sql, String.class, id).stream().findFirst().orElse(null);
    }

    long insertRound(int year, LocalDate deadline, String openedBy, Instant now) {
        return insert("insert into selfcriticism_round (round_year, deadline, opened_by, opened_at) values (?, ?, ?, ?)",
                year, Date.valueOf(deadline), openedBy, Timestamp.from(now));
    }

    long insertSession(long roundId, String unitCode) {
        return insert("insert into selfcriticism_session (round_id, unit_code, status) values (?, ?, 'PLANNING')",
                roundId, unitCode);
    }

    void closeRound(long roundId, Instant now) {
        jdbc.update("update selfcriticism_round set closed_at = ? where id = ?", Timestamp.from(now), roundId);
    }

    public LocalDate roundDeadline(long roundId) {
        return jdbc.queryForObject("select deadline from selfcriticism_round where id = ?", Date.class, roundId).toLocalDate();
    }

    List<String> unitsOf(long roundId) {
        return jdbc.queryForList("select unit_code from selfcriticism_session where round_id = ? order by unit_code",
                String.class, roundId);
    }

    long sessionIdOf(long roundId, String unitCode) {
        return jdbc.queryForObject("select id from selfcriticism_session where round_id = ? and unit_code = ?", Long.class,
                roundId, unitCode);
    }

    public Optional<Session> session(long id) {
        return jdbc.query(SESSION + " where s.id = ?", SelfCriticismStore::session, id).stream().findFirst();
    }

    public List<Session> sessionsOfUnits(List<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", unitCodes.stream().map(u -> "?").toList());
        return jdbc.query(SESSION + " where s.unit_code in (" + marks + ") order by r.round_year desc, s.unit_code",
                SelfCriticismStore::session, unitCodes.toArray());
    }

    /** Sessions whose notice is public, latest first, for the portal's list. */
    public List<Session> publishedSessions(int limit) {
        return jdbc.query(SESSION + " where s.session_date is not null order by s.session_date desc, s.unit_code"
                + " fetch first " + limit + " rows only", SelfCriticismStore::session);
    }

    public List<Session> sessionsOfRound(long roundId) {
        return jdbc.query(SESSION + " where s.round_id = ? order by s.unit_code", SelfCriticismStore::session, roundId);
    }

    void publishNotice(long sessionId, LocalDate date, String venue, String processInstanceId, Instant now) {
        jdbc.update("update selfcriticism_session set session_date = ?, venue = ?, status = 'NOTICE_PUBLISHED',"
                + " notice_published_at = ?, process_instance_id = ? where id = ?",
                Date.valueOf(date), venue, Timestamp.from(now), processInstanceId, sessionId);
    }

    void setStatus(long sessionId, SessionStatus status) {
        jdbc.update("update selfcriticism_session set status = ? where id = ?", status.name(), sessionId);
    }

    void recordMinutes(long sessionId, String attendance, String minutes) {
        jdbc.update("update selfcriticism_session set attendance = ?, minutes_text = ?, status = 'MINUTES_RECORDED'"
                + " where id = ?", attendance, minutes, sessionId);
    }

    void signOff(long sessionId, String by, Instant now) {
        jdbc.update("update selfcriticism_session set status = 'SIGNED_OFF', signed_off_by = ?, signed_off_at = ?"
                + " where id = ?", by, Timestamp.from(now), sessionId);
    }

    void insertOfficial(long sessionId, String userId, String title) {
        insert("insert into selfcriticism_official (session_id, user_id, title) values (?, ?, ?)", sessionId, userId, title);
    }

    public List<Official> officials(long sessionId) {
        return jdbc.query("select * from selfcriticism_official where session_id = ? order by id",
                SelfCriticismStore::official, sessionId);
    }

    void saveSelfAssessment(long sessionId, String userId, String text) {
        jdbc.update("update selfcriticism_official set self_assessment = ? where session_id = ? and user_id = ?",
                text, sessionId, userId);
    }

    void saveResponse(long officialId, String response, String peopleAssessment) {
        jdbc.update("update selfcriticism_official set official_response = ?, people_assessment = ? where id = ?",
                response, peopleAssessment, officialId);
    }

    long insertComment(long sessionId, Long officialId, String source, String body, String authorName,
            Comment.Status status, String moderatedBy, Instant now) {
        return insert("insert into selfcriticism_comment (session_id, official_id, source, body, author_name, status,"
                + " moderated_by, moderated_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", sessionId, officialId,
                source, body, authorName, status.name(), moderatedBy, moderatedBy == null ? null : Timestamp.from(now),
                Timestamp.from(now));
    }

    public Optional<Comment> comment(long id) {
        return jdbc.query("select * from selfcriticism_comment where id = ?", SelfCriticismStore::comment, id)
                .stream().findFirst();
    }

    public List<Comment> comments(long sessionId, Comment.Status status) {
        return jdbc.query("select * from selfcriticism_comment where session_id = ? and status = ? order by id",
                SelfCriticismStore::comment, sessionId, status.name());
    }

    int moderate(long commentId, Comment.Status status, String reason, String by, Instant now) {
        return jdbc.update("update selfcriticism_comment set status = ?, reject_reason = ?, moderated_by = ?, moderated_at = ?"
                + " where id = ? and status = 'PENDING'", status.name(), reason, by, Timestamp.from(now), commentId);
    }

    long insertAction(long sessionId, long officialId, String body, String owner, LocalDate due) {
        return insert("insert into selfcriticism_action (session_id, official_id, body, owner, due_date, status)"
                + " values (?, ?, ?, ?, ?, 'OPEN')", sessionId, officialId, body, owner, Date.valueOf(due));
    }

    public List<ActionItem> actions(long sessionId) {
        return jdbc.query("select * from selfcriticism_action where session_id = ? order by id",
                SelfCriticismStore::action, sessionId);
    }

    public ActionItem action(long id) {
        return jdbc.queryForObject("select * from selfcriticism_action where id = ?", SelfCriticismStore::action, id);
    }

    void actionDone(long id, Instant now) {
        jdbc.update("update selfcriticism_action set status = 'DONE', done_at = ? where id = ?", Timestamp.from(now), id);
    }

    private long insert(String sql, Object... args) {
        return Inserts.returningId(jdbc, sql, args);
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Session session(ResultSet rs, int row) throws SQLException {
        return new Session(rs.getLong("id"), rs.getLong("round_id"), rs.getInt("round_year"), day(rs, "deadline"),
                rs.getString("unit_code"), day(rs, "session_date"), rs.getString("venue"),
                SessionStatus.valueOf(rs.getString("status")), rs.getString("minutes_text"), rs.getString("attendance"),
                rs.getString("signed_off_by"), instant(rs, "signed_off_at"), rs.getString("process_instance_id"));
    }

    private static Official official(ResultSet rs, int row) throws SQLException {
        return new Official(rs.getLong("id"), rs.getLong("session_id"), rs.getString("user_id"), rs.getString("title"),
                rs.getString("self_assessment"), rs.getString("people_assessment"), rs.getString("official_response"));
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        long official = rs.getLong("official_id");
        return new Comment(rs.getLong("id"), rs.getLong("session_id"), rs.wasNull() ? null : official,
                rs.getString("source"), rs.getString("body"), rs.getString("author_name"),
                Comment.Status.valueOf(rs.getString("status")),
                rs.getString("reject_reason"), rs.getString("moderated_by"), instant(rs, "created_at"));
    }

    private static ActionItem action(ResultSet rs, int row) throws SQLException {
        return new ActionItem(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("official_id"), rs.getString("body"),
                rs.getString("owner"), day(rs, "due_date"), ActionItem.Status.valueOf(rs.getString("status")),
                instant(rs, "done_at"));
    }
}
