package vn.qcdc.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class CaseAttachments {

    public record Attachment(long id, long caseId, String fileName, String contentType, long sizeBytes, Instant uploadedAt,
            String uploadedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseAttachments(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(long caseId, CheckedFile file, String uploadedBy) {
        jdbc.update("insert into case_attachment (case_id, file_name, content_type, size_bytes, data, uploaded_at, uploaded_by)"
                + " values (?, ?, ?, ?, ?, ?, ?)", caseId, file.fileName(), file.contentType(), (long) file.bytes().length,
                file.bytes(), Timestamp.from(clock.instant()), uploadedBy);
    }

    public List<Attachment> of(long caseId) {
        return jdbc.query("select id, case_id, file_name, content_type, size_bytes, uploaded_at, uploaded_by from case_attachment"
                + " where case_id = ? order by id", (rs, i) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), caseId);
    }

    public Optional<byte[]> content(long caseId, long attachmentId) {
        return jdbc.query("select data from case_attachment where case_id = ? and id = ?", (rs, i) -> rs.getBytes(1),
                caseId, attachmentId).stream().findFirst();
    }
}
