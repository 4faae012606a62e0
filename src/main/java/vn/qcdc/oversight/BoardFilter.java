package vn.qcdc.oversight;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import vn.qcdc.platform.QueryParams;
import vn.qcdc.platform.Refusal;

/** What the board is asked for: the filters, sorting and page of {@code /oversight} and its API. */
public record BoardFilter(String unit, String process, String step, String assignee, String candidateGroup, Bucket bucket,
        String kind, LocalDate dueFrom, LocalDate dueTo, String search, Sort sort, boolean descending, int page,
        int size) {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:\\-]{1,255}");

    public enum Bucket {
        OVERDUE("overdue"), TODAY("today"), SOON("soon"), UNASSIGNED_OVERDUE("unassigned-overdue");

        final String param;

        Bucket(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        static Bucket of(String text) {
            return Arrays.stream(values()).filter(b -> b.param.equals(text)).findFirst()
                    .orElseThrow(() -> new Refusal("oversight.refused.bucket", text));
        }
    }

    public enum Sort {
        DUE("due_at"), CREATED("created_at"), UNIT("unit_code"), PROCESS("process_definition_key"),
        STEP("task_name"), ASSIGNEE("assignee");

        final String column;

        Sort(String column) {
            this.column = column;
        }

        static Sort of(String text) {
            return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text)).findFirst()
                    .orElseThrow(() -> new Refusal("oversight.refused.sort", text));
        }
    }

    static BoardFilter all() {
        return new BoardFilter(null, null, null, null, null, null, null, null, null, null, Sort.DUE, false, 0,
                DEFAULT_PAGE_SIZE);
    }

    /** Reads the query parameters; anything malformed is refused with the parameter's name. */
    static BoardFilter parse(Map<String, String> params) {
        String unit = code(params, "unit");
        String process = code(params, "process");
        String step = code(params, "step");
        String assignee = code(params, "assignee");
        String group = code(params, "candidateGroup");
        String kind = code(params, "kind");
        String bucketText = blankToNull(params.get("bucket"));
        Bucket bucket = bucketText == null ? null : Bucket.of(bucketText);
        LocalDate from = date(params, "dueFrom");
        LocalDate to = date(params, "dueTo");
        if (from != null && to != null && from.isAfter(to)) {
            throw new Refusal("oversight.refused.date-range", from, to);
        }
        String search = blankToNull(params.get("q"));
        if (search != null && search.length() > 100) {
            throw new Refusal("oversight.refused.search");
        }
        String sortText = blankToNull(params.get("sort"));
        Sort sort = sortText == null ? Sort.DUE : Sort.of(sortText);
        String dir = QueryParams.direction(params, "oversight.refused.dir");
        int page = number(params, "page", 0, 1_000_000, 0);
        int size = number(params, "size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        return new BoardFilter(unit, process, step, assignee, group, bucket, kind, from, to,
                search == null ? null : search.trim(), sort, "desc".equals(dir), page, size);
    }

    BoardFilter withPage(int newPage, int newSize) {
        return new BoardFilter(unit, process, step, assignee, candidateGroup, bucket, kind, dueFrom, dueTo, search,
                sort, descending, newPage, newSize);
    }

    /** The parameters that give this filter back, for links and exports. */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        QueryParams.putPresent(p, "unit", unit);
        QueryParams.putPresent(p, "process", process);
        QueryParams.putPresent(p, "step", step);
        QueryParams.putPresent(p, "assignee", assignee);
        QueryParams.putPresent(p, "candidateGroup", candidateGroup);
        QueryParams.putPresent(p, "bucket", bucket == null ? null : bucket.param());
        QueryParams.putPresent(p, "kind", kind);
        QueryParams.putPresent(p, "dueFrom", dueFrom == null ? null : dueFrom.toString());
        QueryParams.putPresent(p, "dueTo", dueTo == null ? null : dueTo.toString());
        QueryParams.putPresent(p, "q", search);
        QueryParams.putPresent(p, "sort", sort == Sort.DUE ? null : sort.name().toLowerCase());
        QueryParams.putPresent(p, "dir", descending ? "desc" : null);
        return p;
    }


    private static String blankToNull(String text) {
        return QueryParams.blankToNull(text);
    }

    private static String code(Map<String, String> params, String name) {
        return QueryParams.code(params, name, CODE, "oversight.refused.parameter");
    }

    private static LocalDate date(Map<String, String> params, String name) {
        return QueryParams.date(params, name, "oversight.refused.date");
    }

    private static int number(Map<String, String> params, String name, int min, int max, int fallback) {
        return QueryParams.number(params, name, min, max, fallback, "oversight.refused.range");
    }
}
