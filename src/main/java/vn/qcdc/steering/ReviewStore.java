package vn.qcdc.steering;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The review tables of V8__steering.sql. */
@Repository
class ReviewStore {

    record Review(long id, int year, String period, LocalDate asOf, LocalDate deadline, Status status, String headComment,
            String signedOffBy) {
        /** The values of {@code review.status}, in the order a review passes through them. */
        enum Status { COLLECTING, CONSOLIDATING, SIGNED_OFF, CLASSIFYING, CLOSED }

        boolean annual() {
            return "ANNUAL".equals(period);
        }
    }

    record Report(long id, long reviewId, String unitCode, String parentCode, Status status, String submittedBy,
            Instant submittedAt) {
        /** The values of {@code review_unit_report.status}. */
        enum Status { DRAFT, SUBMITTED, CONSOLIDATED }
    }

    record Section(int target, Integer numerator, Integer denominator, String narrative, String evidence) {
    }

    record Classification(long reviewId, String unitCode, int year, String proposedGrade, String qcdcPerformance,
            String rewardProposal, String decidedGrade, String decidedBy, Instant decidedAt) {
    }

    private final JdbcTemplate jdbc;

    ReviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(int year, String period) {
        return jdbc.queryForObject("select count(*) from review where review_year = ? and period = ?", Integer.class, year,
                period) > 0;
    }

    void recordOwner(long reviewId, String processInstanceId) {
        jdbc.update("update review set process_instance_id = ? where id = ?", processInstanceId, reviewId);
    }

    String owner(long reviewId) {
        return jdbc.queryForList("select process_instance_id from review where id = ?", String.class, reviewId)
                .stream().findFirst().orElse(null);
    }

    long insertReview(int year, String period, LocalDate asOf, LocalDate deadline, String openedBy, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into review (review_year, period, as_of, deadline, status, opened_by, opened_at)"
                    + " values (?, ?, ?, ?, 'COLLECTING', ?, ?)", new String[] {"id"});
            ps.setInt(1, year);
            ps.setString(2, period);
            ps.setObject(3, java.sql.Date.valueOf(asOf));
            ps.setObject(4, java.sql.Date.valueOf(deadline));
            ps.setString(5, openedBy);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    void insertReport(long reviewId, String unitCode, String parentCode) {
        jdbc.update("insert into review_unit_report (review_id, unit_code, parent_code, status) values (?, ?, ?, 'DRAFT')",
                reviewId, unitCode, parentCode);
    }

    List<Review> reviews() {
        return jdbc.query("select * from review order by review_year desc, period", (rs, i) -> review(rs));
    }

    Optional<Review> review(long id) {
        return jdbc.query("select * from review where id = ?", (rs, i) -> review(rs), id).stream().findFirst();
    }

    private static Review review(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Review(rs.getLong("id"), rs.getInt("review_year"), rs.getString("period"),
                rs.getDate("as_of").toLocalDate(), rs.getDate("deadline").toLocalDate(), Review.Status.valueOf(rs.getString("status")),
                rs.getString("head_comment"), rs.getString("signed_off_by"));
    }

    void setStatus(long reviewId, Review.Status status) {
        jdbc.update("update review set status = ? where id = ?", status.name(), reviewId);
    }

    void headComment(long reviewId, String comment) {
        jdbc.update("update review set head_comment = ? where id = ?", comment, reviewId);
    }

    void signOff(long reviewId, String by, Instant at) {
        jdbc.update("update review set status = 'SIGNED_OFF', signed_off_by = ?, signed_off_at = ? where id = ?", by,
                Timestamp.from(at), reviewId);
    }

    List<Report> reports(long reviewId) {
        return jdbc.query("select * from review_unit_report where review_id = ? order by unit_code", (rs, i) -> report(rs),
                reviewId);
    }

    Optional<Report> report(long reviewId, String unitCode) {
        return jdbc.query("select * from review_unit_report where review_id = ? and unit_code = ?", (rs, i) -> report(rs),
                reviewId, unitCode).stream().findFirst();
    }

    private static Report report(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("submitted_at");
        return new Report(rs.getLong("id"), rs.getLong("review_id"), rs.getString("unit_code"), rs.getString("parent_code"),
                Report.Status.valueOf(rs.getString("status")), rs.getString("submitted_by"), at == null ? null : at.toInstant());
    }

    List<String> unitsOf(long reviewId) {
        return jdbc.queryForList("select unit_code from review_unit_report where review_id = ? order by unit_code",
                String.class, reviewId);
    }

    Map<Integer, Section> sections(long reportId) {
        Map<Integer, Section> out = new LinkedHashMap<>();
        jdbc.query("select * from review_report_section where report_id = ? order by target_no", rs -> {
            out.put(rs.getInt("target_no"), section(rs));
        }, reportId);
        return out;
    }

    private static Section section(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Section(rs.getInt("target_no"), (Integer) rs.getObject("numerator", Integer.class),
                (Integer) rs.getObject("denominator", Integer.class), rs.getString("narrative"), rs.getString("evidence"));
    }

    void saveSections(long reportId, List<Section> sections) {
        jdbc.update("delete from review_report_section where report_id = ?", reportId);
        for (Section s : sections) {
            jdbc.update("insert into review_report_section (report_id, target_no, numerator, denominator, narrative, evidence)"
                    + " values (?, ?, ?, ?, ?, ?)", reportId, s.target(), s.numerator(), s.denominator(), s.narrative(),
                    s.evidence());
        }
    }

    void submit(long reportId, String by, Instant at) {
        jdbc.update("update review_unit_report set status = 'SUBMITTED', submitted_by = ?, submitted_at = ? where id = ?"
                + " and status = 'DRAFT'", by, Timestamp.from(at), reportId);
    }

    void markConsolidated(long reviewId) {
        jdbc.update("update review_unit_report set status = 'CONSOLIDATED' where review_id = ? and status = 'SUBMITTED'",
                reviewId);
    }

    void propose(long reviewId, String unitCode, int year, String grade, String qcdc, String reward) {
        jdbc.update("delete from party_classification where unit_code = ? and class_year = ?", unitCode, year);
        jdbc.update("insert into party_classification (review_id, unit_code, class_year, proposed_grade, qcdc_performance,"
                + " reward_proposal) values (?, ?, ?, ?, ?, ?)", reviewId, unitCode, year, grade, qcdc, reward);
    }

    void decide(String unitCode, int year, String grade, String by, Instant at) {
        jdbc.update("update party_classification set decided_grade = ?, decided_by = ?, decided_at = ? where unit_code = ?"
                + " and class_year = ?", grade, by, Timestamp.from(at), unitCode, year);
    }

    List<Classification> classifications(int year) {
        return jdbc.query("select * from party_classification where class_year = ? order by unit_code", (rs, i) -> {
            Timestamp at = rs.getTimestamp("decided_at");
            return new Classification(rs.getLong("review_id"), rs.getString("unit_code"), rs.getInt("class_year"),
                    rs.getString("proposed_grade"), rs.getString("qcdc_performance"), rs.getString("reward_proposal"),
                    rs.getString("decided_grade"), rs.getString("decided_by"), at == null ? null : at.toInstant());
        }, year);
    }

    /** Per unit and target, the latest submitted figures of the year's reviews. */
    List<ReviewFigures.Figure> latestFigures(int year) {
        List<ReviewFigures.Figure> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        jdbc.query("select u.unit_code, s.target_no, s.numerator, s.denominator, s.narrative, u.submitted_at, r.period"
                + " from review_report_section s join review_unit_report u on u.id = s.report_id"
                + " join review r on r.id = u.review_id where r.review_year = ? and u.status in ('SUBMITTED', 'CONSOLIDATED')"
                + " order by u.unit_code, s.target_no, u.submitted_at desc", rs -> {
                    String key = rs.getString(1) + "#" + rs.getInt(2);
                    if (seen.add(key)) {
                        out.add(new ReviewFigures.Figure(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3, Integer.class),
                                (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getTimestamp(6).toInstant(),
                                rs.getString(7)));
                    }
                }, year);
        return out;
    }
}
