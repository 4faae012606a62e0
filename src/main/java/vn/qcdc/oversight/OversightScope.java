package vn.qcdc.oversight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Role;
import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;

/**
 * The units a supervisor oversees: each unit where they hold the supervisor role and every unit below
 * it in the organisation tree as it stands today. An admin oversees every unit.
 */
@Component
public class OversightScope {

    /** The units in scope, in tree order, and their names. */
    public record Scope(List<String> roots, Set<String> units, Map<String, String> names,
            Map<String, List<String>> children) {
        public boolean covers(String unitCode) {
            return unitCode != null && units.contains(unitCode);
        }

        public boolean isEmpty() {
            return units.isEmpty();
        }

        /** {@code unit} and every unit below it, in tree order, within this scope. */
        public Set<String> subtree(String unit) {
            return OversightScope.subtree(List.of(unit), children).stream().filter(this::covers)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        public String nameOf(String unitCode) {
            return unitCode == null ? "" : names.getOrDefault(unitCode, unitCode);
        }
    }

    private final IdentityService identityService;
    private final OrgUnitRepository units;

    OversightScope(@Lazy IdentityService identityService, OrgUnitRepository units) {
        this.identityService = identityService;
        this.units = units;
    }

    Scope of(String userId, boolean admin) {
        List<OrgUnit> all = units.findAll();
        Map<String, String> names = all.stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::name));
        List<String> roots;
        if (admin) {
            roots = all.stream().filter(u -> u.parentCode() == null).map(OrgUnit::code).toList();
        } else {
            roots = SystemAuthority.call(identityService, () -> identityService.createGroupQuery().groupMember(userId)
                    .list().stream().map(Group::getId).map(Role.SUPERVISOR::unitOfGroup).flatMap(Optional::stream)
                    .filter(names::containsKey).sorted().toList());
        }
        Map<String, List<String>> children = all.stream().filter(u -> u.parentCode() != null)
                .sorted(java.util.Comparator.comparing(OrgUnit::type).thenComparing(OrgUnit::name))
                .collect(Collectors.groupingBy(OrgUnit::parentCode, Collectors.mapping(OrgUnit::code, Collectors.toList())));
        return new Scope(roots, subtree(roots, children), names, children);
    }

    private static Set<String> subtree(Collection<String> roots, Map<String, List<String>> children) {
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
