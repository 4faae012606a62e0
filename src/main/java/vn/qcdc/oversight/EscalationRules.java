package vn.qcdc.oversight;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.qcdc.identity.Role;
import vn.qcdc.rules.ReferenceChangeLog;
import vn.qcdc.platform.Refusal;

/** The escalation ladder's settings: rows an admin edits, each change in the reference change log. */
@Repository
public class EscalationRules {

    static final String ANY = "*";
    static final String ENTITY = "escalation_rule";
    static final int MAX_LEVEL = 5;

    public record Rule(Long id, String processKey, String stepKey, int level, int delayWorkingDays, String role,
            int unitOffset) {
        boolean matches(String process, String step) {
            return (ANY.equals(processKey) || processKey.equals(process)) && (ANY.equals(stepKey) || stepKey.equals(step));
        }

        int specificity() {
            return (ANY.equals(processKey) ? 0 : 2) + (ANY.equals(stepKey) ? 0 : 1);
        }

        String summary() {
            return "%s/%s bậc %d: sau %d ngày làm việc, %s của đơn vị +%d".formatted(processKey, stepKey, level,
                    delayWorkingDays, role, unitOffset);
        }
    }

    private final JdbcTemplate jdbc;
    private final ReferenceChangeLog changes;
    private final ProcessSteps processes;

    EscalationRules(JdbcTemplate jdbc, ReferenceChangeLog changes, ProcessSteps processes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.processes = processes;
    }

    public List<Rule> all() {
        return jdbc.query("select id, process_key, step_key, level, delay_working_days, role, unit_offset"
                + " from escalation_rule order by case when process_key = '*' then 0 else 1 end, process_key, step_key,"
                + " level", (rs, i) -> new Rule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getString(6), rs.getInt(7)));
    }

    /** The rule of one level for a task of {@code process} at {@code step}: the most specific row that matches. */
    static Optional<Rule> effective(List<Rule> rules, String process, String step, int level) {
        return rules.stream().filter(r -> r.level() == level && r.matches(process, step))
                .max(Comparator.comparingInt(Rule::specificity));
    }

    @Transactional
    public Rule save(Rule rule, String admin) {
        Rule checked = checked(rule);
        Optional<Rule> old = checked.id() == null ? Optional.empty() : find(checked.id());
        if (checked.id() != null && old.isEmpty()) {
            throw new Refusal("escalation.refused.unknown", checked.id());
        }
        try {
            if (old.isPresent()) {
                jdbc.update("update escalation_rule set process_key = ?, step_key = ?, level = ?, delay_working_days = ?,"
                        + " role = ?, unit_offset = ? where id = ?", checked.processKey(), checked.stepKey(),
                        checked.level(), checked.delayWorkingDays(), checked.role(), checked.unitOffset(), checked.id());
            } else {
                jdbc.update("insert into escalation_rule (process_key, step_key, level, delay_working_days, role,"
                        + " unit_offset) values (?, ?, ?, ?, ?, ?)", checked.processKey(), checked.stepKey(),
                        checked.level(), checked.delayWorkingDays(), checked.role(), checked.unitOffset());
            }
        } catch (DuplicateKeyException e) {
            throw new Refusal("escalation.refused.duplicate", checked.processKey(), checked.stepKey(),
                    checked.level());
        }
        changes.record(admin, ENTITY, checked.processKey() + "/" + checked.stepKey() + "/" + checked.level(),
                old.map(Rule::summary).orElse(null), checked.summary());
        return checked;
    }

    @Transactional
    public void delete(long id, String admin) {
        Rule old = find(id).orElseThrow(() -> new Refusal("escalation.refused.unknown", id));
        jdbc.update("delete from escalation_rule where id = ?", id);
        changes.record(admin, ENTITY, old.processKey() + "/" + old.stepKey() + "/" + old.level(), old.summary(), null);
    }

    Optional<Rule> find(long id) {
        return all().stream().filter(r -> r.id() == id).findFirst();
    }

    private Rule checked(Rule r) {
        String process = key(r.processKey(), "processKey");
        String step = key(r.stepKey(), "stepKey");
        if (!processes.knows(process, step)) {
            throw new Refusal("escalation.refused.process", process, step);
        }
        if (r.level() < 1 || r.level() > MAX_LEVEL) {
            throw new Refusal("escalation.refused.level", MAX_LEVEL);
        }
        if (r.delayWorkingDays() < 0 || r.delayWorkingDays() > 60) {
            throw new Refusal("escalation.refused.delay");
        }
        if (r.unitOffset() < 0 || r.unitOffset() > 4) {
            throw new Refusal("escalation.refused.offset");
        }
        if (r.role() == null || Role.ofGroupId(r.role()).filter(Role::unitScoped).isEmpty()) {
            throw new Refusal("escalation.refused.role", r.role() == null ? "" : r.role());
        }
        return new Rule(r.id(), process, step, r.level(), r.delayWorkingDays(), r.role(), r.unitOffset());
    }

    private static String key(String value, String name) {
        String v = value == null || value.isBlank() ? ANY : value.trim();
        if (!ANY.equals(v) && !v.matches("[A-Za-z0-9_.\\-]{1,255}")) {
            throw new Refusal("oversight.refused.parameter", name);
        }
        return v;
    }
}
