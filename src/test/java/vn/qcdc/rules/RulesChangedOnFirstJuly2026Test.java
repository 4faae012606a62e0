package vn.qcdc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.qcdc.support.QcdcTest;

/**
 * Law 136/2025/QH15 and Decrees 154–156/2026 from 1 July 2026: a case received on 30 June 2026 keeps the old rule,
 * one received on 1 July 2026 gets the new one, through {@link DeadlineService} as the processes call it.
 */
@QcdcTest
class RulesChangedOnFirstJuly2026Test {

    static final LocalDate LAST_OLD_DAY = LocalDate.of(2026, 6, 30);
    static final LocalDate FIRST_NEW_DAY = LocalDate.of(2026, 7, 1);

    @Autowired
    DeadlineService deadlines;
    @Autowired
    DeadlineRuleRepository rules;

    /** code, old amount, new amount, due for a case received on 30 June, due for one received on 1 July. */
    static Stream<Arguments> changedRules() {
        return Stream.of(
                // 10 working days from Tuesday 30 June: 1-3, 6-10, 13, 14 July; 7 from Wednesday 1 July: 2, 3, 6-10
                Arguments.of("complaint.accept", 10, 7, LocalDate.of(2026, 7, 14), LocalDate.of(2026, 7, 10),
                        "Nghị định 155/2026/NĐ-CP, Điều 10 (sửa đổi khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP)"));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("changedRules")
    void aCaseReceivedOn30JuneGetsTheOldRuleAndOneReceivedOn1JulyTheNew(String code, int oldAmount, int newAmount,
            LocalDate oldDue, LocalDate newDue, String newBasis) {
        DeadlineRule before = deadlines.ruleInForce(code, LAST_OLD_DAY);
        DeadlineRule after = deadlines.ruleInForce(code, FIRST_NEW_DAY);
        assertThat(before.amount()).isEqualTo(oldAmount);
        assertThat(before.validTo()).isEqualTo(LAST_OLD_DAY);
        assertThat(after.amount()).isEqualTo(newAmount);
        assertThat(after.validFrom()).isEqualTo(FIRST_NEW_DAY);
        assertThat(after.legalBasis()).isEqualTo(newBasis);
        assertThat(deadlines.dueDay(code, LAST_OLD_DAY)).isEqualTo(oldDue);
        assertThat(deadlines.dueDay(code, FIRST_NEW_DAY)).isEqualTo(newDue);
    }

    /** A rule whose old version ends on 30 June 2026 must have its case above, so none is left untested. */
    @Test
    void everyRuleThatChangedOn1July2026HasItsBoundaryCase() {
        Set<String> changed = rules.findAll().stream()
                .filter(r -> LAST_OLD_DAY.equals(r.validTo()) || FIRST_NEW_DAY.equals(r.validFrom()))
                .filter(r -> rules.versions(r.code()).size() > 1)
                .map(DeadlineRule::code).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = changedRules().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(tested).isEqualTo(changed);
    }

    /** Any rule with a version from 1 July 2026: the day before uses the earlier version, or no rule at all. */
    @Test
    void noVersionStarting1July2026ReachesBackToCasesReceivedBefore() {
        List<DeadlineRule> fromFirstJuly = rules.findAll().stream().filter(r -> FIRST_NEW_DAY.equals(r.validFrom())).toList();
        assertThat(fromFirstJuly).isNotEmpty();
        for (DeadlineRule r : fromFirstJuly) {
            assertThat(deadlines.ruleInForce(r.code(), FIRST_NEW_DAY).id()).as(r.code()).isEqualTo(r.id());
            rules.inForce(r.code(), LAST_OLD_DAY).ifPresent(old -> assertThat(old.id()).as(r.code()).isNotEqualTo(r.id()));
        }
    }
}
