package vn.qcdc.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A unit with its children, for rendering the tree as it stands on one day. */
public record OrgTree(OrgUnit unit, List<OrgTree> children) {

    public static List<OrgTree> of(List<OrgUnit> units) {
        Map<String, List<OrgUnit>> byParent = new HashMap<>();
        Map<String, OrgUnit> byCode = new HashMap<>();
        for (OrgUnit u : units) {
            byCode.put(u.code(), u);
            byParent.computeIfAbsent(u.parentCode() == null ? "" : u.parentCode(), k -> new ArrayList<>()).add(u);
        }
        List<OrgTree> roots = new ArrayList<>();
        for (OrgUnit u : units) {
            if (u.parentCode() == null || !byCode.containsKey(u.parentCode())) {
                roots.add(build(u, byParent));
            }
        }
        return roots;
    }

    private static OrgTree build(OrgUnit unit, Map<String, List<OrgUnit>> byParent) {
        List<OrgTree> children = byParent.getOrDefault(unit.code(), List.of()).stream()
                .sorted(Comparator.comparing(OrgUnit::type).thenComparing(OrgUnit::name))
                .map(c -> build(c, byParent)).toList();
        return new OrgTree(unit, children);
    }
}
