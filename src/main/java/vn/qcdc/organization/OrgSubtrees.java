package vn.qcdc.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.qcdc.identity.SupervisedUnits;

/** Units with everything below them, in the tree as it stands today. */
@Component
class OrgSubtrees implements SupervisedUnits {

    private final OrgUnitRepository units;
    private final Clock clock;

    OrgSubtrees(OrgUnitRepository units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    @Override
    public Set<String> withSubtrees(Collection<String> unitCodes) {
        Map<String, List<String>> children = new HashMap<>();
        for (OrgUnit u : units.findActiveOn(LocalDate.now(clock))) {
            if (u.parentCode() != null) {
                children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u.code());
            }
        }
        Set<String> found = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(unitCodes);
        while (!next.isEmpty()) {
            String code = next.pop();
            if (found.add(code)) {
                next.addAll(children.getOrDefault(code, List.of()));
            }
        }
        return found;
    }
}
