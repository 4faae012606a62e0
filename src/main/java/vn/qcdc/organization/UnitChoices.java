package vn.qcdc.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Officer;
import vn.qcdc.identity.Officers;
import vn.qcdc.identity.Role;
import vn.qcdc.platform.FormChoices;

/**
 * The units a form offers, by name in the tree as it stands today (parents before children), each as far as the
 * signed-in officer may pick it; the steps still check what comes back.
 */
@Component
class UnitChoices implements FormChoices {

    /** Every active unit with officers: where a case may be forwarded. */
    static final String ACTIVE_UNITS = "activeUnits";
    /** The units where the officer receives citizens. */
    static final String RECEPTION_UNITS = "receptionUnits";
    /** The units the officer heads (a head's dialogue with the people). */
    static final String HEADED_UNITS = "headedUnits";
    /** The units under the officer's steering committee secretariat (rounds, reviews, inspection plans). */
    static final String STEERING_SCOPE_UNITS = "steeringScopeUnits";

    private final OrgUnitRepository units;
    private final UnitTree tree;
    private final Officers officers;
    private final Clock clock;

    UnitChoices(OrgUnitRepository units, UnitTree tree, @Lazy Officers officers, Clock clock) {
        this.units = units;
        this.tree = tree;
        this.officers = officers;
        this.clock = clock;
    }

    @Override
    public Set<String> keys() {
        return Set.of(ACTIVE_UNITS, RECEPTION_UNITS, HEADED_UNITS, STEERING_SCOPE_UNITS);
    }

    @Override
    public List<Choice> choices(String key, String userId) {
        if (userId == null) {
            return List.of();
        }
        Officer officer = officers.of(userId);
        List<OrgUnit> active = units.findActiveOn(LocalDate.now(clock));
        Predicate<OrgUnit> offered = switch (key) {
            case RECEPTION_UNITS -> u -> officer.inUnit(u.code(), Role.RECEPTION_OFFICER);
            case HEADED_UNITS -> u -> officer.inUnit(u.code(), Role.UNIT_HEAD);
            case STEERING_SCOPE_UNITS -> {
                Set<String> scope = tree.withSubtrees(officer.unitsWhere(Role.STEERING_SECRETARY));
                yield u -> scope.contains(u.code());
            }
            default -> u -> true;
        };
        List<Choice> choices = new ArrayList<>();
        walk(OrgTree.of(active), null, offered, choices);
        return choices;
    }

    private static void walk(List<OrgTree> trees, OrgUnit parent, Predicate<OrgUnit> offered, List<Choice> into) {
        for (OrgTree tree : trees) {
            OrgUnit unit = tree.unit();
            if (unit.type().hasOfficers() && offered.test(unit)) {
                into.add(new Choice(parent == null || parent.type() == OrgUnitType.PROVINCE ? unit.name()
                        : unit.name() + " — " + parent.name(), unit.code()));
            }
            walk(tree.children(), unit, offered, into);
        }
    }
}
