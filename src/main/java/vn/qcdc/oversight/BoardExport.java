package vn.qcdc.oversight;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.qcdc.platform.TableExport;

/** The board's rows as CSV and XLSX: exactly the filtered rows, and no citizen's personal data. */
@Component
class BoardExport {

    static final String[] COLUMNS = {"business_key", "kind", "title", "unit", "process", "step", "assignee",
            "candidate_group", "due", "late_working_days", "late_calendar_days", "rule", "legal_basis",
            "case_deadline", "task_id"};

    private final MessageSource messages;

    BoardExport(MessageSource messages) {
        this.messages = messages;
    }

    List<String> header(Locale locale) {
        return Arrays.stream(COLUMNS).map(c -> messages.getMessage("oversight.col." + c, null, c, locale)).toList();
    }

    static List<Object> line(OversightBoard.TaskRow r, ZoneId zone) {
        return Arrays.asList(r.businessKey(), r.kind(), r.title(), r.unitCode() + " " + r.unitName(),
                r.processName(), r.stepName(), r.assignee(), r.candidateGroup(), time(r.dueAt(), zone),
                r.lateWorkingDays(), r.lateCalendarDays(), r.ruleCode(), r.legalBasis(), time(r.caseDeadline(), zone),
                r.taskId());
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(instant.atZone(zone));
    }

    String csv(List<OversightBoard.TaskRow> rows, ZoneId zone, Locale locale) throws IOException {
        return TableExport.csv(header(locale), rows.stream().map(r -> line(r, zone)).toList());
    }

    byte[] xlsx(List<OversightBoard.TaskRow> rows, ZoneId zone, Locale locale) throws IOException {
        return TableExport.xlsx("oversight", header(locale), rows.stream().map(r -> line(r, zone)).toList());
    }
}
