package vn.qcdc.targets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;

/** Per year: each target as a figure against its goal, with the units behind it. */
@Service
public class TargetsService {

    public record UnitRow(String unitCode, String unitName, long numerator, long denominator, UnitFigure.Source source,
            String link) {

        public double percent() {
            return denominator == 0 ? 0 : 100.0 * numerator / denominator;
        }
    }

    public record TargetRow(Target target, long numerator, long denominator, boolean computed, List<UnitRow> units) {

        /** Null when nothing is recorded for the year. */
        public Double percent() {
            return denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
        }

        public boolean met() {
            return percent() != null && percent() >= target.goalPercent();
        }
    }

    private final List<TargetFigureProvider> providers;
    private final OrgUnitRepository units;

    TargetsService(List<TargetFigureProvider> providers, OrgUnitRepository units) {
        this.providers = providers;
        this.units = units;
    }

    public List<TargetRow> dashboard(int year) {
        Map<String, String> names = new java.util.HashMap<>();
        units.findAll().forEach((OrgUnit u) -> names.put(u.code(), u.name()));
        List<TargetRow> rows = new ArrayList<>();
        for (Target target : Target.values()) {
            rows.add(row(target, year, names));
        }
        return rows;
    }

    public TargetRow target(Target target, int year) {
        Map<String, String> names = new java.util.HashMap<>();
        units.findAll().forEach((OrgUnit u) -> names.put(u.code(), u.name()));
        return row(target, year, names);
    }

    private TargetRow row(Target target, int year, Map<String, String> names) {
        Map<String, UnitFigure> byUnit = new LinkedHashMap<>();
        for (TargetFigureProvider provider : providers) {
            if (!provider.targets().contains(target)) {
                continue;
            }
            for (UnitFigure f : provider.figures(target, year)) {
                byUnit.merge(f.unitCode(), f, (a, b) -> a.source() == UnitFigure.Source.COMPUTED ? a : b);
            }
        }
        List<UnitRow> unitRows = byUnit.values().stream()
                .map(f -> new UnitRow(f.unitCode(), names.getOrDefault(f.unitCode(), f.unitCode()), f.numerator(),
                        f.denominator(), f.source(), f.link()))
                .sorted(Comparator.comparing(UnitRow::unitName)).toList();
        long numerator = unitRows.stream().mapToLong(UnitRow::numerator).sum();
        long denominator = unitRows.stream().mapToLong(UnitRow::denominator).sum();
        boolean computed = !unitRows.isEmpty() && unitRows.stream().allMatch(u -> u.source() == UnitFigure.Source.COMPUTED);
        return new TargetRow(target, numerator, denominator, computed, unitRows);
    }
}
