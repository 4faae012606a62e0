package vn.qcdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one module, and only that module's code names it in SQL; every other module reads
 * it through the owner's public API. The engine's own tables are read through the engine's API, with the
 * two exceptions named here and their reasons.
 */
class TableOwnershipTest {

    static final Path MAIN = Path.of("src", "main", "java", "vn", "qcdc");
    static final Path MIGRATIONS = Path.of("src", "main", "resources", "db");

    /** Table name prefixes (or whole names) of each module. */
    static final Map<String, List<String>> OWNERS = Map.of(
            "organization", List.of("org_"),
            "rules", List.of("deadline_rule", "holiday", "reference_change"),
            "cases", List.of("citizen_case", "case_", "denouncer_identity", "identity_access", "tracking_lock"),
            "dialogue", List.of("dialogue"),
            "selfcriticism", List.of("selfcriticism_"),
            "inspection", List.of("inspection_"),
            "steering", List.of("review", "party_classification"),
            "oversight", List.of("oversight_", "escalation_rule", "officer_digest"),
            "platform", List.of("attempt_throttle"),
            "audit", List.of("audit_"));

    /** Classes that touch the engine's tables in SQL, each because the engine offers no API for the job. */
    static final Set<String> ENGINE_TABLE_READERS = Set.of(
            // erases a denouncer's identity from the engine's history, which the history API cannot edit
            "cases/CounterIdentityCleanup.java",
            // a user's tasks by their own candidate links: the engine's candidate-user query reads all their groups' too
            "identity/CandidateUserTasks.java",
            // fills the board's read model from every open task in one statement instead of a query per page
            "oversight/BoardBackfill.java",
            // the auditors' search: the engine's query API cannot filter by a set of variable values (a unit's
            // subtree) or by who acted, so it runs one native history query over indexed columns
            "audit/AuditSearch.java");

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_USE = Pattern.compile("\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasAnOwner() throws IOException {
        assertThat(createdTables()).allSatisfy(table -> assertThat(owner(table)).as(table).isNotNull());
    }

    @Test
    void onlyTheOwnerNamesATableInSql() throws IOException {
        Set<String> tables = createdTables();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = MAIN.relativize(file).toString().replace('\\', '/');
                String module = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
                for (String table : tablesNamedIn(Files.readString(file))) {
                    if (table.startsWith("act_")) {
                        if (!ENGINE_TABLE_READERS.contains(relative)) {
                            violations.add(relative + " reads the engine's " + table);
                        }
                    } else if (tables.contains(table) && !module.equals(owner(table))) {
                        violations.add(relative + " names " + owner(table) + "'s table " + table);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanFindsTablesInSql() {
        assertThat(tablesNamedIn("String sql = \"select id from citizen_case c join org_unit u\" + \" where x\";"))
                .containsExactly("citizen_case", "org_unit");
        assertThat(tablesNamedIn("jdbc.update(\"\"\"\n    insert into ACT_HI_DETAIL (ID_)\n    \"\"\");"))
                .containsExactly("act_hi_detail");
    }

    static Set<String> tablesNamedIn(String source) {
        Set<String> found = new TreeSet<>();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher use = TABLE_USE.matcher(text);
            while (use.find()) {
                found.add(use.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return found;
    }

    static String owner(String table) {
        return OWNERS.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(p -> p.endsWith("_") ? table.startsWith(p) : table.equals(p)
                        || table.startsWith(p + "_")))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    static Set<String> createdTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(tables).isNotEmpty();
        return tables;
    }
}
