package vn.qcdc.identity;

import java.util.List;
import java.util.Set;

/** A signed-in officer as our pages see them: the user id and the engine groups they hold, read once per request. */
public record Officer(String userId, Set<String> groups) {

    public Officer {
        groups = Set.copyOf(groups);
    }

    public boolean has(Role role) {
        return groups.contains(role.groupId()) || (role == Role.ADMIN && groups.contains("camunda-admin"));
    }

    public boolean inUnit(String unitCode, Role role) {
        return groups.contains(role.groupOf(unitCode));
    }

    public boolean readsEverything() {
        return has(Role.AUDITOR) || has(Role.ADMIN);
    }

    /** The units in which the officer holds any role, sorted. */
    public List<String> units() {
        return groups.stream().filter(g -> g.contains(":")).map(g -> g.substring(0, g.indexOf(':'))).distinct().sorted()
                .toList();
    }

    /** The units in which the officer holds this role, sorted. */
    public List<String> unitsWhere(Role role) {
        String suffix = ":" + role.groupId();
        return groups.stream().filter(g -> g.endsWith(suffix)).map(g -> g.substring(0, g.length() - suffix.length()))
                .sorted().toList();
    }
}
