package vn.qcdc.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.qcdc.platform.PlainText;
import vn.qcdc.platform.Refusal;

/**
 * Citizens' ratings of how their case was handled: 1 to 5 and a comment, once per decided case, given on the
 * tracking page with code and PIN ({@link CitizenActions#rate}). Supervisors read them per unit, counted and
 * averaged, never one by one.
 */
@Component
public class CaseRatings {

    static final int MAX_COMMENT = 1000;

    /** A unit's ratings: how many and their average score. */
    public record UnitRating(String unitCode, long count, double average) {
    }

    private final JdbcTemplate jdbc;

    CaseRatings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a case may be rated: decided, or answered, and not rated yet. */
    static boolean rateable(CitizenCase c) {
        return c.status() == CaseStatus.DECIDED || c.status() == CaseStatus.ANSWERED;
    }

    Optional<Integer> scoreOf(long caseId) {
        return jdbc.queryForList("select score from case_rating where case_id = ?", Integer.class, caseId).stream()
                .findFirst();
    }

    void add(CitizenCase c, String score, String comment, Instant at) {
        if (!rateable(c)) {
            throw Refusal.ofField("rating", "rating.not-decided");
        }
        int value;
        try {
            value = Integer.parseInt(score == null ? "" : score.trim());
        } catch (NumberFormatException e) {
            value = 0;
        }
        List<Refusal.Problem> problems = new ArrayList<>();
        if (value < 1 || value > 5) {
            problems.add(new Refusal.Problem("score", "rating.score"));
        }
        // judged before trimming: trim() would drop a control character at either end
        if (PlainText.hasControlCharacters(comment)) {
            problems.add(new Refusal.Problem("comment", "case.field.control"));
        }
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (text != null && text.length() > MAX_COMMENT) {
            problems.add(new Refusal.Problem("comment", "case.field.too-long", MAX_COMMENT));
        }
        if (!problems.isEmpty()) {
            throw new Refusal(org.springframework.http.HttpStatus.BAD_REQUEST, problems);
        }
        try {
            jdbc.update("insert into case_rating (case_id, unit_code, score, comment, rated_at) values (?, ?, ?, ?, ?)",
                    c.id(), c.unitCode(), value, text, Timestamp.from(at));
        } catch (DuplicateKeyException e) {
            throw Refusal.ofField(org.springframework.http.HttpStatus.CONFLICT, "rating", "rating.once");
        }
    }

    /** The ratings of each of {@code unitCodes} that has any, best known first by count. */
    public List<UnitRating> perUnit(Collection<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select unit_code, count(*), avg(cast(score as decimal(5, 2))) from case_rating where unit_code in ("
                + String.join(", ", Collections.nCopies(unitCodes.size(), "?")) + ") group by unit_code"
                + " order by count(*) desc, unit_code", (rs, i) -> new UnitRating(rs.getString(1), rs.getLong(2),
                        rs.getDouble(3)), unitCodes.toArray());
    }
}
