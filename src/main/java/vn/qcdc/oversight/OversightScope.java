package vn.qcdc.oversight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
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

    /** The tree as every scope reads it: names, children in display order, the top units. */
    private record Tree(Map<String, String> names, Map<String, List<String>> children, List<String> tops) {
    }

    /** A value read at {@code nanos} (System.nanoTime: it only measures age). */
    private record Kept<T>(T value, long nanos) {
    }

    private final IdentityService identityService;
    private final OrgUnitRepository units;
    private final long ttlNanos;
    private volatile Kept<Tree> tree;
    private final Map<String, Kept<List<String>>> supervisedBy = new ConcurrentHashMap<>();

    /**
     * Every call of the board needs the tree and the user's supervised units; both change only when the tree is
     * reorganised or a role is granted, so they are kept for {@code qcdc.oversight.scope-cache} (10 s; 0 in tests).
     */
    OversightScope(@Lazy IdentityService identityService, OrgUnitRepository units,
            @Value("${qcdc.oversight.scope-cache:10s}") Duration ttl) {
        this.identityService = identityService;
        this.units = units;
        this.ttlNanos = ttl.toNanos();
    }

    Scope of(String userId, boolean admin) {
        Tree t = tree();
        List<String> roots = admin ? t.tops() : fresh(supervisedBy.get(userId)) ? supervisedBy.get(userId).value()
                : supervised(userId, t);
        return new Scope(roots, subtree(roots, t.children()), t.names(), t.children());
    }

    private Tree tree() {
        Kept<Tree> kept = tree;
        if (fresh(kept)) {
            return kept.value();
        }
        List<OrgUnit> all = units.findAll();
        Map<String, String> names = all.stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::name));
        Map<String, List<String>> children = all.stream().filter(u -> u.parentCode() != null)
                .sorted(java.util.Comparator.comparing(OrgUnit::type).thenComparing(OrgUnit::name))
                .collect(Collectors.groupingBy(OrgUnit::parentCode, Collectors.mapping(OrgUnit::code, Collectors.toList())));
        Tree read = new Tree(names, children, all.stream().filter(u -> u.parentCode() == null).map(OrgUnit::code).toList());
        tree = new Kept<>(read, System.nanoTime());
        return read;
    }

    private List<String> supervised(String userId, Tree t) {
        List<String> roots = SystemAuthority.call(identityService, () -> identityService.createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).map(Role.SUPERVISOR::unitOfGroup)
                .flatMap(Optional::stream).filter(t.names()::containsKey).sorted().toList());
        supervisedBy.put(userId, new Kept<>(roots, System.nanoTime()));
        return roots;
    }

    private boolean fresh(Kept<?> kept) {
        return kept != null && ttlNanos > 0 && System.nanoTime() - kept.nanos() < ttlNanos;
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
