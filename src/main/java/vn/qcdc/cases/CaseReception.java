package vn.qcdc.cases;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import vn.qcdc.platform.EngineRefusal;
import vn.qcdc.identity.Role;
import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.organization.OrgUnitRepository;
import org.springframework.stereotype.Component;
import vn.qcdc.platform.Refusal;

/**
 * The reception officer's start form (in person, hotline, suggestion box) becomes one case per kind
 * it mixes, each in the one case process. Called from BPMN as {@code caseReception}.
 */
@Component("caseReception")
public class CaseReception {

    private static final Set<Channel> RECEPTION_CHANNELS = EnumSet.of(Channel.IN_PERSON, Channel.HOTLINE, Channel.SUGGESTION_BOX);

    private final CaseIntake intake;
    private final IdentityService identityService;
    private final OrgUnitRepository units;

    CaseReception(CaseIntake intake, IdentityService identityService, OrgUnitRepository units) {
        this.intake = intake;
        this.identityService = identityService;
        this.units = units;
    }

    public void openCases(DelegateExecution execution) {
        Channel channel = channelOf((String) execution.getVariable("channel"));
        Set<CaseKind> kinds = kindsOf(execution.getVariable("kinds"));
        boolean anonymous = Boolean.TRUE.equals(execution.getVariable("anonymous"));
        Submission submission = Submission.of(null, channel, text(execution, "unitCode"), text(execution, "title"),
                text(execution, "content"), anonymous ? null : text(execution, "citizenName"),
                anonymous ? null : text(execution, "citizenAddress"), anonymous ? null : text(execution, "citizenContact"),
                anonymous, List.of(), "reception:" + execution.getProcessInstanceId());
        // the citizen agreed, at the counter, to be told of each status change at the contact given
        boolean notify = !anonymous && Boolean.TRUE.equals(execution.getVariable("notify"));
        String officer = (String) execution.getVariable("receptionOfficer");
        if (submission.unitCode() != null && units.find(submission.unitCode().trim()).isPresent()
                && !isReceptionOfficerOf(officer, submission.unitCode().trim())) {
            // a counter records the cases of its own unit; a case for another unit is forwarded by that unit's rules
            throw new EngineRefusal("case.reception.not-your-unit", submission.unitCode().trim());
        }
        try {
            // the officer records cases; the case process itself is started on the system's authority
            List<Receipt> receipts = SystemAuthority.call(identityService,
                    () -> intake.submitSplit(submission, kinds, notify, officer == null ? "reception" : officer));
            execution.setVariable("openedCodes", receipts.stream().map(Receipt::trackingCode).collect(Collectors.joining(", ")));
            execution.setVariable("unitCode", submission.unitCode());
        } catch (Refusal e) {
            throw EngineRefusal.of(e.problems().stream()
                    .map(p -> new EngineRefusal.Problem(p.messageKey(), p.args())).toList());
        }
    }

    private boolean isReceptionOfficerOf(String officer, String unitCode) {
        return officer != null && SystemAuthority.call(identityService, () -> identityService.createUserQuery()
                .userId(officer).memberOfGroup(Role.RECEPTION_OFFICER.groupOf(unitCode)).count() > 0);
    }

    private Channel channelOf(String value) {
        try {
            Channel channel = Channel.valueOf(value);
            return RECEPTION_CHANNELS.contains(channel) ? channel : null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** A checklist arrives from a Camunda Form as a JSON array, from Java callers as a list. */
    private static Set<CaseKind> kindsOf(Object value) {
        List<String> items;
        if (value instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
            items = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
        } else if (value instanceof Collection<?> list) {
            items = list.stream().map(String::valueOf).toList();
        } else {
            return Set.of();
        }
        Set<CaseKind> kinds = EnumSet.noneOf(CaseKind.class);
        for (String item : items) {
            kinds.add(CasePublicApi.kindOf(item));
        }
        kinds.remove(null);
        return kinds;
    }

    private static String text(DelegateExecution execution, String name) {
        Object v = execution.getVariable(name);
        return v == null ? null : v.toString();
    }
}
