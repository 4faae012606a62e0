package vn.qcdc.organization;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OrgUnitRepository {

    private static final String COLUMNS =
            "code, name, unit_type, parent_code, staff_count, has_trade_union, valid_from, valid_to, successor_code";

    private final JdbcTemplate jdbc;

    OrgUnitRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnit> find(String code) {
        return jdbc.query("select " + COLUMNS + " from org_unit where code = ?", OrgUnitRepository::map, code)
                .stream().findFirst();
    }

    public List<OrgUnit> findAll() {
        return jdbc.query("select " + COLUMNS + " from org_unit order by code", OrgUnitRepository::map);
    }

    public List<OrgUnit> findActiveOn(LocalDate day) {
        return jdbc.query("select " + COLUMNS + " from org_unit where valid_from <= ? and (valid_to is null or valid_to >= ?)"
                + " order by code", OrgUnitRepository::map, Date.valueOf(day), Date.valueOf(day));
    }

    /** Whether {@code unitCode} is {@code ancestorCode} or lies below it in the tree as it stands. */
    public boolean isWithin(String unitCode, String ancestorCode) {
        String code = unitCode;
        for (int depth = 0; code != null && depth < 20; depth++) {
            if (code.equals(ancestorCode)) {
                return true;
            }
            code = find(code).map(OrgUnit::parentCode).orElse(null);
        }
        return false;
    }

    public List<OrgUnit> children(String parentCode) {
        return jdbc.query("select " + COLUMNS + " from org_unit where parent_code = ? order by name",
                OrgUnitRepository::map, parentCode);
    }

    public List<OrgUnit> predecessors(String code) {
        return jdbc.query("select " + COLUMNS + " from org_unit where successor_code = ? order by name",
                OrgUnitRepository::map, code);
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from org_unit", Long.class);
    }

    void insert(OrgUnit u) {
        jdbc.update("insert into org_unit (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.code(), u.name(), u.type().name(), u.parentCode(), u.staffCount(), u.hasTradeUnion(),
                Date.valueOf(u.validFrom()), u.validTo() == null ? null : Date.valueOf(u.validTo()), u.successorCode());
    }

    void update(OrgUnit u) {
        jdbc.update("update org_unit set name = ?, unit_type = ?, parent_code = ?, staff_count = ?, has_trade_union = ?"
                + " where code = ?", u.name(), u.type().name(), u.parentCode(), u.staffCount(), u.hasTradeUnion(), u.code());
    }

    void dissolve(String code, LocalDate lastDay, String successorCode) {
        jdbc.update("update org_unit set valid_to = ?, successor_code = ? where code = ?",
                Date.valueOf(lastDay), successorCode, code);
    }

    private static OrgUnit map(ResultSet rs, int row) throws SQLException {
        Date validTo = rs.getDate("valid_to");
        return new OrgUnit(rs.getString("code"), rs.getString("name"), OrgUnitType.valueOf(rs.getString("unit_type")),
                rs.getString("parent_code"), rs.getInt("staff_count"), rs.getBoolean("has_trade_union"),
                rs.getDate("valid_from").toLocalDate(), validTo == null ? null : validTo.toLocalDate(),
                rs.getString("successor_code"));
    }
}
