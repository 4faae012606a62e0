package vn.qcdc.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DialogueRepository {

    private static final String COLUMNS = "id, unit_code, dialogue_year, kind, topic, planned_at, venue, invited_groups, status,"
            + " minutes, held_at, process_instance_id";
    private static final String Q_COLUMNS = "id, dialogue_id, source, text, asker_name, created_at, outcome, petition_code,"
            + " action_owner, action_due";

    private final JdbcTemplate jdbc;

    DialogueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String unitCode, int year, Dialogue.Kind kind, String topic, Instant plannedAt, String venue,
            String invitedGroups, String processInstanceId, String createdBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into dialogue (unit_code, dialogue_year, kind, topic, planned_at, venue,"
                    + " invited_groups, status, process_instance_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, unitCode);
            ps.setInt(2, year);
            ps.setString(3, kind.name());
            ps.setString(4, topic);
            ps.setTimestamp(5, Timestamp.from(plannedAt));
            ps.setString(6, venue);
            ps.setString(7, invitedGroups);
            ps.setString(8, processInstanceId);
            ps.setString(9, createdBy);
            ps.setTimestamp(10, Timestamp.from(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    Optional<Dialogue> find(long id) {
        return jdbc.query("select " + COLUMNS + " from dialogue where id = ?", DialogueRepository::map, id).stream().findFirst();
    }

    List<Dialogue> upcoming(Instant from, int limit) {
        return jdbc.query("select " + COLUMNS + " from dialogue where status = 'PLANNED' and planned_at >= ? order by planned_at"
                + " fetch first " + limit + " rows only", DialogueRepository::map, Timestamp.from(from));
    }

    /** Held dialogues and those whose day has come, newest first. */
    List<Dialogue> recent(Instant before, int limit) {
        return jdbc.query("select " + COLUMNS + " from dialogue where status = 'HELD' or (status = 'PLANNED' and planned_at < ?)"
                + " order by planned_at desc fetch first " + limit + " rows only", DialogueRepository::map, Timestamp.from(before));
    }

    List<Dialogue> ofUnits(List<String> unitCodes, int limit) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", unitCodes.stream().map(u -> "?").toList());
        return jdbc.query("select " + COLUMNS + " from dialogue where unit_code in (" + marks + ") order by planned_at desc"
                + " fetch first " + limit + " rows only", DialogueRepository::map, unitCodes.toArray());
    }

    void held(long id, String minutes, Instant heldAt) {
        jdbc.update("update dialogue set status = 'HELD', minutes = ?, held_at = ? where id = ? and status = 'PLANNED'",
                minutes, Timestamp.from(heldAt), id);
    }

    void cancelled(long id) {
        jdbc.update("update dialogue set status = 'CANCELLED' where id = ? and status = 'PLANNED'", id);
    }

    /** unit code → {held, planned} for one year. */
    Map<String, long[]> countsByUnit(int year) {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        jdbc.query("select unit_code, status, count(*) n from dialogue where dialogue_year = ? and status in ('HELD', 'PLANNED')"
                + " group by unit_code, status", rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString("unit_code"), k -> new long[2]);
                    c["HELD".equals(rs.getString("status")) ? 0 : 1] = rs.getLong("n");
                }, year);
        return counts;
    }

    long count(String unitCode, int year, String... statuses) {
        String marks = String.join(", ", java.util.Arrays.stream(statuses).map(s -> "?").toList());
        Object[] args = new Object[statuses.length + 2];
        args[0] = unitCode;
        args[1] = year;
        System.arraycopy(statuses, 0, args, 2, statuses.length);
        return jdbc.queryForObject("select count(*) from dialogue where unit_code = ? and dialogue_year = ? and status in ("
                + marks + ")", Long.class, args);
    }

    // ---- questions ----

    long addQuestion(long dialogueId, DialogueQuestion.Source source, String text, String askerName, String createdBy,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into dialogue_question (dialogue_id, source, text, asker_name, created_at,"
                    + " created_by, outcome) values (?, ?, ?, ?, ?, ?, 'NONE')", new String[] {"id"});
            ps.setLong(1, dialogueId);
            ps.setString(2, source.name());
            ps.setString(3, text);
            ps.setString(4, askerName);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, createdBy);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    List<DialogueQuestion> questions(long dialogueId) {
        return jdbc.query("select " + Q_COLUMNS + " from dialogue_question where dialogue_id = ? order by created_at, id",
                DialogueRepository::mapQuestion, dialogueId);
    }

    long questionCount(long dialogueId) {
        return jdbc.queryForObject("select count(*) from dialogue_question where dialogue_id = ?", Long.class, dialogueId);
    }

    Optional<DialogueQuestion> question(long id) {
        return jdbc.query("select " + Q_COLUMNS + " from dialogue_question where id = ?", DialogueRepository::mapQuestion, id)
                .stream().findFirst();
    }

    void mark(long questionId, DialogueQuestion.Outcome outcome, String owner, LocalDate due) {
        jdbc.update("update dialogue_question set outcome = ?, action_owner = ?, action_due = ? where id = ?",
                outcome.name(), owner, due == null ? null : java.sql.Date.valueOf(due), questionId);
    }

    void petitionFiled(long questionId, String trackingCode) {
        jdbc.update("update dialogue_question set petition_code = ? where id = ?", trackingCode, questionId);
    }

    private static Dialogue map(ResultSet rs, int row) throws SQLException {
        Timestamp held = rs.getTimestamp("held_at");
        return new Dialogue(rs.getLong("id"), rs.getString("unit_code"), rs.getInt("dialogue_year"),
                Dialogue.Kind.valueOf(rs.getString("kind")), rs.getString("topic"), rs.getTimestamp("planned_at").toInstant(),
                rs.getString("venue"), rs.getString("invited_groups"), Dialogue.Status.valueOf(rs.getString("status")),
                rs.getString("minutes"), held == null ? null : held.toInstant(), rs.getString("process_instance_id"));
    }

    private static DialogueQuestion mapQuestion(ResultSet rs, int row) throws SQLException {
        java.sql.Date due = rs.getDate("action_due");
        return new DialogueQuestion(rs.getLong("id"), rs.getLong("dialogue_id"),
                DialogueQuestion.Source.valueOf(rs.getString("source")), rs.getString("text"), rs.getString("asker_name"),
                rs.getTimestamp("created_at").toInstant(), DialogueQuestion.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("petition_code"), rs.getString("action_owner"), due == null ? null : due.toLocalDate());
    }
}
