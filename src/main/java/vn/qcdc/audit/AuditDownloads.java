package vn.qcdc.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every attachment an auditor downloads: who, when, which case and file. */
@Repository
class AuditDownloads {

    record Record(String caseCode, long attachmentId, String fileName, String auditor, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditDownloads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String caseCode, long attachmentId, String fileName, String auditor) {
        jdbc.update("insert into audit_download (case_code, attachment_id, file_name, downloaded_by, downloaded_at)"
                + " values (?, ?, ?, ?, ?)", caseCode, attachmentId, fileName, auditor, Timestamp.from(clock.instant()));
    }

    List<Record> of(String caseCode) {
        return jdbc.query("select case_code, attachment_id, file_name, downloaded_by, downloaded_at from audit_download"
                + " where case_code = ? order by id", (rs, i) -> new Record(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()), caseCode);
    }
}
