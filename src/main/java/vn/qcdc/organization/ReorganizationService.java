package vn.qcdc.organization;

import java.io.Reader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an organisation import (the seed tree, or a reorganisation such as the 1 July 2025
 * merger): validates every line against the tree as it stands, then changes everything in one
 * transaction, including moving the open work of dissolved units to their successors.
 */
@Service
public class ReorganizationService {

    private final OrgUnitRepository units;
    private final UnitGroups unitGroups;
    private final OpenWorkTransfer openWork;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReorganizationService(OrgUnitRepository units, UnitGroups unitGroups, OpenWorkTransfer openWork, JdbcTemplate jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.units = units;
        this.unitGroups = unitGroups;
        this.openWork = openWork;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public record Result(LocalDate effectiveDate, int created, int updated, int dissolved, int movedTasks) {
    }

    @Transactional
    public Result apply(Reader csv, String sourceName, String appliedBy) {
        ReorganizationCsv.Parsed parsed = ReorganizationCsv.read(csv);
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        if (problems.isEmpty()) {
            problems.addAll(validate(parsed.rows()));
        }
        if (!problems.isEmpty()) {
            throw new ReorganizationRejectedException(problems);
        }
        List<ReorganizationRow> rows = parsed.rows();
        LocalDate effective = rows.get(0).effectiveDate();
        int created = 0, updated = 0, dissolved = 0, moved = 0;
        List<OrgUnit> changed = new ArrayList<>();
        for (ReorganizationRow row : rows) {
            if (row.action() == ReorganizationRow.Action.CREATE) {
                OrgUnit unit = new OrgUnit(row.code(), row.name(), row.type(), row.parentCode(), row.staffCount(),
                        row.hasTradeUnion(), effective, null, null);
                units.insert(unit);
                changed.add(unit);
                created++;
            } else if (row.action() == ReorganizationRow.Action.UPDATE) {
                OrgUnit old = units.find(row.code()).orElseThrow();
                OrgUnit unit = new OrgUnit(row.code(), row.name(), row.type(), row.parentCode(), row.staffCount(),
                        row.hasTradeUnion(), old.validFrom(), null, null);
                units.update(unit);
                changed.add(unit);
                updated++;
            }
        }
        // successors' groups must exist before open work moves into them
        unitGroups.ensureFor(changed);
        for (ReorganizationRow row : rows) {
            if (row.action() == ReorganizationRow.Action.DISSOLVE) {
                units.dissolve(row.code(), effective.minusDays(1), row.successorCode());
                moved += openWork.move(row.code(), row.successorCode());
                unitGroups.transferMembers(row.code(), row.successorCode());
                events.publishEvent(new UnitDissolved(row.code(), row.successorCode()));
                dissolved++;
            }
        }
        jdbc.update("insert into org_reorganization (source_name, effective_date, applied_at, applied_by, created_units,"
                + " updated_units, dissolved_units, moved_tasks) values (?, ?, ?, ?, ?, ?, ?, ?)",
                sourceName, java.sql.Date.valueOf(effective), Timestamp.from(clock.instant()), appliedBy,
                created, updated, dissolved, moved);
        return new Result(effective, created, updated, dissolved, moved);
    }

    /** Replays the rows on an in-memory copy of the tree, so a later line may rely on an earlier one. */
    private List<ImportProblem> validate(List<ReorganizationRow> rows) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, OrgUnit> tree = new HashMap<>();
        units.findAll().forEach(u -> tree.put(u.code(), u));
        Set<String> touched = new HashSet<>();
        LocalDate effective = rows.get(0).effectiveDate();
        for (ReorganizationRow row : rows) {
            if (!row.effectiveDate().equals(effective)) {
                problems.add(new ImportProblem(row.line(), "org.import.one-date", effective));
                continue;
            }
            if (!touched.add(row.code())) {
                problems.add(new ImportProblem(row.line(), "org.import.twice", row.code()));
                continue;
            }
            OrgUnit existing = tree.get(row.code());
            switch (row.action()) {
                case CREATE -> {
                    if (existing != null) {
                        problems.add(new ImportProblem(row.line(), "org.import.exists", row.code()));
                    }
                }
                case UPDATE, DISSOLVE -> {
                    if (existing == null) {
                        problems.add(new ImportProblem(row.line(), "org.import.unknown", row.code()));
                        continue;
                    }
                    if (existing.dissolved()) {
                        problems.add(new ImportProblem(row.line(), "org.import.already-dissolved", row.code()));
                        continue;
                    }
                }
            }
            if (row.action() == ReorganizationRow.Action.DISSOLVE) {
                OrgUnit successor = row.successorCode() == null ? null : tree.get(row.successorCode());
                if (successor == null || successor.dissolved() || row.successorCode().equals(row.code())) {
                    problems.add(new ImportProblem(row.line(), "org.import.successor", String.valueOf(row.successorCode())));
                    continue;
                }
                tree.put(row.code(), new OrgUnit(existing.code(), existing.name(), existing.type(), existing.parentCode(),
                        existing.staffCount(), existing.hasTradeUnion(), existing.validFrom(), effective.minusDays(1),
                        row.successorCode()));
                continue;
            }
            if (row.type() != OrgUnitType.PROVINCE) {
                OrgUnit parent = row.parentCode() == null ? null : tree.get(row.parentCode());
                if (parent == null || parent.dissolved() || row.parentCode().equals(row.code())) {
                    problems.add(new ImportProblem(row.line(), "org.import.parent", String.valueOf(row.parentCode())));
                    continue;
                }
            } else if (row.parentCode() != null) {
                problems.add(new ImportProblem(row.line(), "org.import.province-parent"));
                continue;
            }
            tree.put(row.code(), new OrgUnit(row.code(), row.name(), row.type(), row.parentCode(), row.staffCount(),
                    row.hasTradeUnion(), existing == null ? effective : existing.validFrom(), null, null));
        }
        // A unit that stays must not hang under one that this import dissolves.
        if (problems.isEmpty()) {
            for (ReorganizationRow row : rows) {
                OrgUnit unit = tree.get(row.code());
                if (!unit.dissolved() && unit.parentCode() != null && tree.get(unit.parentCode()).dissolved()) {
                    problems.add(new ImportProblem(row.line(), "org.import.orphan", row.code(), unit.parentCode()));
                }
            }
            for (OrgUnit unit : tree.values()) {
                if (!touched.contains(unit.code()) && !unit.dissolved() && unit.parentCode() != null
                        && tree.get(unit.parentCode()).dissolved()) {
                    problems.add(new ImportProblem(0, "org.import.orphan", unit.code(), unit.parentCode()));
                }
            }
        }
        return problems;
    }
}
