package vn.qcdc.organization;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.SupervisedUnits;

/**
 * The organisation tree as the pages, pickers and the engine's task visibility read it many times a second: read
 * once and kept for {@code qcdc.organization.tree-cache} (10 s; 0 in tests), since it changes only when an admin
 * reorganises, and a reorganisation reaches these readers within that time.
 */
@Component
public class UnitTree implements SupervisedUnits {

    /** Every unit's name, its children (by type, then name), the units at the top. */
    public record Snapshot(Map<String, String> names, Map<String, List<String>> children, List<String> tops) {

        /** The units and every unit below them, each parent before its children, each once. */
        public Set<String> withSubtrees(Collection<String> roots) {
            Set<String> found = new LinkedHashSet<>();
            List<String> next = new ArrayList<>(roots);
            while (!next.isEmpty()) {
                String code = next.remove(0);
                if (found.add(code)) {
                    next.addAll(0, children.getOrDefault(code, List.of()));
                }
            }
            return found;
        }
    }

    private record Kept(Snapshot snapshot, long nanos) {
    }

    private final OrgUnitRepository units;
    private final long ttlNanos;
    private volatile Kept kept;

    UnitTree(OrgUnitRepository units, @Value("${qcdc.organization.tree-cache:10s}") Duration ttl) {
        this.units = units;
        this.ttlNanos = ttl.toNanos();
    }

    public Snapshot current() {
        Kept k = kept;
        // System.nanoTime only measures the snapshot's age
        if (k != null && ttlNanos > 0 && System.nanoTime() - k.nanos() < ttlNanos) {
            return k.snapshot();
        }
        List<OrgUnit> all = units.findAll();
        Snapshot read = new Snapshot(all.stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::name)),
                all.stream().filter(u -> u.parentCode() != null)
                        .sorted(Comparator.comparing(OrgUnit::type).thenComparing(OrgUnit::name))
                        .collect(Collectors.groupingBy(OrgUnit::parentCode,
                                Collectors.mapping(OrgUnit::code, Collectors.toList()))),
                all.stream().filter(u -> u.parentCode() == null).map(OrgUnit::code).toList());
        kept = new Kept(read, System.nanoTime());
        return read;
    }

    @Override
    public Set<String> withSubtrees(Collection<String> unitCodes) {
        return current().withSubtrees(unitCodes);
    }
}
