package vn.qcdc.audit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import vn.qcdc.platform.QueryParams;
import vn.qcdc.platform.Refusal;

/**
 * What an auditor searches for on {@code /audit}: a code, a process, a unit (with the units below it), a
 * kind of case, a status, an officer who acted, dates started and ended; sorted and paged. Parsing checks the
 * shape of every parameter; {@link AuditSearch} checks that the codes it names exist.
 */
record AuditFilter(String code, String process, String unit, String kind, Status status, String officer,
        LocalDate startedFrom, LocalDate startedTo, LocalDate endedFrom, LocalDate endedTo, Sort sort,
        boolean descending, int page, int size) {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:\\-]{1,100}");

    enum Status {
        RUNNING, COMPLETED, CANCELLED, INCIDENT;

        public String param() {
            return name().toLowerCase();
        }

        static Status of(String text) {
            return Arrays.stream(values()).filter(s -> s.param().equals(text)).findFirst()
                    .orElseThrow(() -> new Refusal("audit.refused.status", shown(text)));
        }
    }

    /** The orders a search may take, each a column of the engine's process-instance history. */
    enum Sort {
        STARTED("START_TIME_"), ENDED("END_TIME_"), CODE("BUSINESS_KEY_"), PROCESS("PROC_DEF_KEY_");

        final String column;

        Sort(String column) {
            this.column = column;
        }

        public String param() {
            return name().toLowerCase();
        }

        static Sort of(String text) {
            return Arrays.stream(values()).filter(s -> s.param().equals(text)).findFirst()
                    .orElseThrow(() -> new Refusal("audit.refused.sort", shown(text)));
        }
    }

    static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null, null, Sort.STARTED, true, 0,
                DEFAULT_PAGE_SIZE);
    }

    /** Reads the query parameters; anything malformed is refused, naming the parameter. */
    static AuditFilter parse(Map<String, String> params) {
        String code = code(params, "q");
        String process = code(params, "process");
        String unit = code(params, "unit");
        String kind = code(params, "kind");
        String officer = code(params, "officer");
        String statusText = QueryParams.blankToNull(params.get("status"));
        Status status = statusText == null ? null : Status.of(statusText);
        LocalDate startedFrom = date(params, "startedFrom");
        LocalDate startedTo = date(params, "startedTo");
        LocalDate endedFrom = date(params, "endedFrom");
        LocalDate endedTo = date(params, "endedTo");
        range(startedFrom, startedTo);
        range(endedFrom, endedTo);
        String sortText = QueryParams.blankToNull(params.get("sort"));
        Sort sort = sortText == null ? Sort.STARTED : Sort.of(sortText);
        String dir = QueryParams.direction(params, "audit.refused.dir");
        int page = number(params, "page", 0, 100_000, 0);
        int size = number(params, "size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        return new AuditFilter(code, process, unit, kind, status, officer, startedFrom, startedTo, endedFrom, endedTo,
                sort, dir == null || dir.equals("desc"), page, size);
    }

    AuditFilter withPage(int newPage, int newSize) {
        return new AuditFilter(code, process, unit, kind, status, officer, startedFrom, startedTo, endedFrom, endedTo,
                sort, descending, newPage, newSize);
    }

    /** The parameters that give this filter back (without the page), for links and exports. */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        QueryParams.putPresent(p, "q", code);
        QueryParams.putPresent(p, "process", process);
        QueryParams.putPresent(p, "unit", unit);
        QueryParams.putPresent(p, "kind", kind);
        QueryParams.putPresent(p, "status", status == null ? null : status.param());
        QueryParams.putPresent(p, "officer", officer);
        QueryParams.putPresent(p, "startedFrom", startedFrom);
        QueryParams.putPresent(p, "startedTo", startedTo);
        QueryParams.putPresent(p, "endedFrom", endedFrom);
        QueryParams.putPresent(p, "endedTo", endedTo);
        QueryParams.putPresent(p, "sort", sort == Sort.STARTED ? null : sort.param());
        QueryParams.putPresent(p, "dir", descending ? null : "asc");
        QueryParams.putPresent(p, "size", size == DEFAULT_PAGE_SIZE ? null : Integer.toString(size));
        return p;
    }


    private static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new Refusal("audit.refused.date-range", from, to);
        }
    }

    static String shown(String text) {
        return QueryParams.shown(text);
    }

    private static String code(Map<String, String> params, String name) {
        return QueryParams.code(params, name, CODE, "audit.refused.parameter");
    }

    private static LocalDate date(Map<String, String> params, String name) {
        return QueryParams.date(params, name, "audit.refused.date");
    }

    private static int number(Map<String, String> params, String name, int min, int max, int fallback) {
        return QueryParams.number(params, name, min, max, fallback, "audit.refused.range");
    }
}
