package vn.qcdc.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Denunciation conclusions as their resolvers published them (Law on Denunciations Art. 40(1)), for the public
 * portal: the unit, the day of the conclusion and of its publication, and the text the head approved for
 * publication. Never the case code, the denouncer's identity or anything else of the case file.
 */
@Repository
public class ConclusionPublications {

    public record PublishedConclusion(long id, String unitCode, Instant concludedAt, Instant publishedAt, String text) {
    }

    private final JdbcTemplate jdbc;

    ConclusionPublications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(long caseId, String unitCode, Instant concludedAt, Instant publishedAt, String text) {
        jdbc.update("insert into case_conclusion_publication (case_id, unit_code, concluded_at, published_at, text)"
                + " values (?, ?, ?, ?, ?)", caseId, unitCode, Timestamp.from(concludedAt), Timestamp.from(publishedAt), text);
    }

    /** The newest first, at most {@code max}. */
    public List<PublishedConclusion> recent(int max) {
        return jdbc.query("select id, unit_code, concluded_at, published_at, text from case_conclusion_publication"
                + " order by published_at desc, id desc fetch first " + Math.max(0, max) + " rows only",
                (rs, i) -> new PublishedConclusion(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)));
    }
}
