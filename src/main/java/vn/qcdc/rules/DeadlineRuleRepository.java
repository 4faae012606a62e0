package vn.qcdc.rules;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class DeadlineRuleRepository {

    private static final String COLUMNS = "id, code, amount, day_kind, legal_basis, description, valid_from, valid_to";

    private final JdbcTemplate jdbc;

    DeadlineRuleRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<DeadlineRule> findAll() {
        return jdbc.query("select " + COLUMNS + " from deadline_rule order by code, valid_from", DeadlineRuleRepository::map);
    }

    Optional<DeadlineRule> find(long id) {
        return jdbc.query("select " + COLUMNS + " from deadline_rule where id = ?", DeadlineRuleRepository::map, id)
                .stream().findFirst();
    }

    Optional<DeadlineRule> inForce(String code, LocalDate day) {
        return jdbc.query("select " + COLUMNS + " from deadline_rule where code = ? and valid_from <= ?"
                + " and (valid_to is null or valid_to >= ?) order by valid_from desc",
                DeadlineRuleRepository::map, code, Date.valueOf(day), Date.valueOf(day)).stream().findFirst();
    }

    List<DeadlineRule> versions(String code) {
        return jdbc.query("select " + COLUMNS + " from deadline_rule where code = ? order by valid_from",
                DeadlineRuleRepository::map, code);
    }

    Map<String, List<DeadlineRule>> versions(Collection<String> codes) {
        Map<String, List<DeadlineRule>> byCode = new HashMap<>();
        codes.forEach(c -> byCode.put(c, new ArrayList<>()));
        if (!codes.isEmpty()) {
            jdbc.query("select " + COLUMNS + " from deadline_rule where code in (" + String.join(", ",
                    Collections.nCopies(codes.size(), "?")) + ") order by valid_from", (ResultSet rs) -> {
                        DeadlineRule rule = map(rs, 0);
                        byCode.get(rule.code()).add(rule);
                    }, codes.toArray());
        }
        return byCode;
    }

    boolean codeExists(String code) {
        return jdbc.queryForObject("select count(*) from deadline_rule where code = ?", Integer.class, code) > 0;
    }

    void update(DeadlineRule r) {
        jdbc.update("update deadline_rule set amount = ?, day_kind = ?, legal_basis = ?, description = ?, valid_from = ?,"
                + " valid_to = ? where id = ?", r.amount(), r.dayKind().name(), r.legalBasis(), r.description(),
                Date.valueOf(r.validFrom()), r.validTo() == null ? null : Date.valueOf(r.validTo()), r.id());
    }

    void insert(DeadlineRule r) {
        jdbc.update("insert into deadline_rule (code, amount, day_kind, legal_basis, description, valid_from, valid_to)"
                + " values (?, ?, ?, ?, ?, ?, ?)", r.code(), r.amount(), r.dayKind().name(), r.legalBasis(),
                r.description(), Date.valueOf(r.validFrom()), r.validTo() == null ? null : Date.valueOf(r.validTo()));
    }

    private static DeadlineRule map(ResultSet rs, int row) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new DeadlineRule(rs.getLong("id"), rs.getString("code"), rs.getInt("amount"),
                DayKind.valueOf(rs.getString("day_kind")), rs.getString("legal_basis"), rs.getString("description"),
                rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate());
    }
}
