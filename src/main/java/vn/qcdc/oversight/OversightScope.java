package vn.qcdc.oversight;

import java.time.Duration;
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
import vn.qcdc.organization.UnitTree;

/**
 * The units a supervisor oversees: each unit where they hold the supervisor role and every unit below
 * it in the organisation tree as it stands today. An admin oversees every unit.
 */
@Component
public class OversightScope {

    /** The units in scope, in tree order, and their names. */
    public record Scope(List<String> roots, Set<String> units, UnitTree.Snapshot tree) {
        public boolean covers(String unitCode) {
            return unitCode != null && units.contains(unitCode);
        }

        public boolean isEmpty() {
            return units.isEmpty();
        }

        /** {@code unit} and every unit below it, in tree order, within this scope. */
        public Set<String> subtree(String unit) {
            return tree.withSubtrees(List.of(unit)).stream().filter(this::covers)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        public String nameOf(String unitCode) {
            return unitCode == null ? "" : tree.names().getOrDefault(unitCode, unitCode);
        }
    }

    /** A user's supervised units, read at {@code nanos} (System.nanoTime: it only measures age). */
    private record Kept(List<String> roots, long nanos) {
    }

    private final IdentityService identityService;
    private final UnitTree tree;
    private final long ttlNanos;
    private final Map<String, Kept> supervisedBy = new ConcurrentHashMap<>();

    /**
     * Every call of the board needs the tree and the user's supervised units; the tree is {@link UnitTree}'s, the
     * units (which change only when an admin grants a role) are kept for {@code qcdc.oversight.scope-cache} (10 s;
     * 0 in tests).
     */
    OversightScope(@Lazy IdentityService identityService, UnitTree tree,
            @Value("${qcdc.oversight.scope-cache:10s}") Duration ttl) {
        this.identityService = identityService;
        this.tree = tree;
        this.ttlNanos = ttl.toNanos();
    }

    Scope of(String userId, boolean admin) {
        UnitTree.Snapshot t = tree.current();
        List<String> roots = admin ? t.tops() : supervised(userId, t);
        return new Scope(roots, t.withSubtrees(roots), t);
    }

    private List<String> supervised(String userId, UnitTree.Snapshot t) {
        Kept k = supervisedBy.get(userId);
        if (k != null && ttlNanos > 0 && System.nanoTime() - k.nanos() < ttlNanos) {
            return k.roots();
        }
        List<String> roots = SystemAuthority.call(identityService, () -> identityService.createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).map(Role.SUPERVISOR::unitOfGroup)
                .flatMap(Optional::stream).filter(t.names()::containsKey).sorted().toList());
        supervisedBy.put(userId, new Kept(roots, System.nanoTime()));
        return roots;
    }
}
