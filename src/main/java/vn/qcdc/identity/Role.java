package vn.qcdc.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The roles of the regulation, each a Camunda group of the same id. */
public enum Role {
    RECEPTION_OFFICER("reception-officer", true),
    HANDLING_OFFICER("handling-officer", true),
    UNIT_HEAD("unit-head", true),
    SUPERVISOR("supervisor", true),
    INSPECTOR("inspector", true),
    PEOPLE_INSPECTOR("people-inspector", true),
    STEERING_SECRETARY("steering-secretary", true),
    STEERING_HEAD("steering-head", true),
    AUDITOR("auditor", false),
    ADMIN("admin", false);

    private final String groupId;
    private final boolean unitScoped;

    Role(String groupId, boolean unitScoped) {
        this.groupId = groupId;
        this.unitScoped = unitScoped;
    }

    public String groupId() {
        return groupId;
    }

    /** Unit-scoped roles work on one unit's tasks through a group per unit ("unit:role"). */
    public boolean unitScoped() {
        return unitScoped;
    }

    /** The key of this role's label in messages_*.properties. */
    public String messageKey() {
        return "role." + groupId;
    }

    public String authority() {
        return "ROLE_" + groupId;
    }

    public static List<Role> unitScopedRoles() {
        return Arrays.stream(values()).filter(Role::unitScoped).toList();
    }

    public static Optional<Role> ofGroupId(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }

    /** The candidate group of this role in one organisation unit, e.g. {@code hg-vithanh-p1:handling-officer}. */
    public String groupOf(String unitCode) {
        return unitCode + ":" + groupId;
    }

    /** The unit whose group of this role {@code groupId} is: {@code hg-vithanh-p1} for {@code hg-vithanh-p1:<role>}. */
    public Optional<String> unitOfGroup(String groupId) {
        String suffix = ":" + this.groupId;
        return groupId != null && groupId.endsWith(suffix) && groupId.length() > suffix.length()
                ? Optional.of(groupId.substring(0, groupId.length() - suffix.length())) : Optional.empty();
    }
}
