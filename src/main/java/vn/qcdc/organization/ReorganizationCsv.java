package vn.qcdc.organization;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the organisation import format; every malformed line becomes a problem, never an exception. */
final class ReorganizationCsv {

    static final List<String> HEADER = List.of("action", "code", "name", "type", "parent_code", "staff_count",
            "has_trade_union", "successor_code", "effective_date");
    static final int MAX_ROWS = 20_000;
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");

    private ReorganizationCsv() {
    }

    record Parsed(List<ReorganizationRow> rows, List<ImportProblem> problems) {
    }

    static Parsed read(Reader reader) {
        List<ReorganizationRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                problems.add(new ImportProblem(1, "org.import.header", String.join(",", HEADER)));
                return new Parsed(rows, problems);
            }
            for (CSVRecord record : parser) {
                if (rows.size() + problems.size() >= MAX_ROWS) {
                    problems.add(new ImportProblem(record.getRecordNumber() + 1, "org.import.too-many", MAX_ROWS));
                    break;
                }
                parseRow(record, problems).ifPresent(rows::add);
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            problems.add(new ImportProblem(0, "org.import.unreadable"));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(0, "org.import.empty"));
        }
        return new Parsed(rows, problems);
    }

    private static java.util.Optional<ReorganizationRow> parseRow(CSVRecord r, List<ImportProblem> problems) {
        long line = r.getRecordNumber() + 1;
        int before = problems.size();
        if (!r.isConsistent()) {
            problems.add(new ImportProblem(line, "org.import.columns", HEADER.size()));
            return java.util.Optional.empty();
        }
        ReorganizationRow.Action action = enumOf(ReorganizationRow.Action.class, r.get("action"), line,
                "org.import.action", problems);
        String code = r.get("code");
        if (!CODE.matcher(code).matches()) {
            problems.add(new ImportProblem(line, "org.import.code", code));
        }
        OrgUnitType type = null;
        String name = r.get("name");
        int staff = 0;
        if (action != ReorganizationRow.Action.DISSOLVE) {
            type = enumOf(OrgUnitType.class, r.get("type"), line, "org.import.type", problems);
            if (name.isBlank() || name.length() > 200) {
                problems.add(new ImportProblem(line, "org.import.name"));
            }
            staff = intOf(r.get("staff_count"), line, problems);
        }
        String union = r.get("has_trade_union").toLowerCase(Locale.ROOT);
        if (!union.isEmpty() && !union.equals("true") && !union.equals("false")) {
            problems.add(new ImportProblem(line, "org.import.boolean", r.get("has_trade_union")));
        }
        LocalDate effective = null;
        try {
            effective = LocalDate.parse(r.get("effective_date"));
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(line, "org.import.date", r.get("effective_date")));
        }
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ReorganizationRow(line, action, code, name, type, emptyToNull(r.get("parent_code")),
                staff, union.equals("true"), emptyToNull(r.get("successor_code")), effective));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, long line, String key,
            List<ImportProblem> problems) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(line, key, value));
            return null;
        }
    }

    private static int intOf(String value, long line, List<ImportProblem> problems) {
        try {
            int n = value.isEmpty() ? 0 : Integer.parseInt(value);
            if (n < 0 || n > 1_000_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new ImportProblem(line, "org.import.staff", value));
            return 0;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
