package vn.qcdc.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;

/**
 * What a task is about, in the Tasklist list itself: every user task of every process gets, as it is created, a
 * task-local variable {@value #CARD} ("KN-2026-000012 · Đòi bồi thường đất · Phường I") that the shared filters
 * show. A task-local copy, because Tasklist reads a list's variables with the engine's variable query, which lets
 * an officer read a task's own variables but not its process instance's. (The due date a form states is added as the
 * form is fetched: {@link FormDueText}.)
 */
@Component
class TaskCards extends AbstractProcessEnginePlugin {

    static final String CARD = "card";
    private static final int MAX_TITLE = 80;

    private final OrgUnitRepository units;
    private final TaskListener fill = (DelegateTask task) -> task.setVariableLocal(CARD, card(task));

    TaskCards(@Lazy OrgUnitRepository units) {
        this.units = units;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, fill);
                }
            }
        });
    }

    /** The case's tracking code (or the process's business key), its title or topic, and its unit. */
    String card(DelegateTask task) {
        List<String> parts = new ArrayList<>();
        String code = text(task.getVariable("caseCode"));
        parts.add(code.isEmpty() && task.getExecution() != null ? text(task.getExecution().getProcessBusinessKey()) : code);
        // a denunciation's title is the denouncer's own words and may name them: a card never carries it
        String title = "DENUNCIATION".equals(task.getVariable("kind")) ? "" : text(task.getVariable("title"));
        if (title.isEmpty()) {
            title = text(task.getVariable("topic"));
        }
        parts.add(title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title);
        String unit = text(task.getVariable("unitName"));
        if (unit.isEmpty() && task.getVariable("unitCode") instanceof String unitCode && !unitCode.isBlank()) {
            unit = units.find(unitCode).map(OrgUnit::name).orElse("");
        }
        parts.add(unit);
        return String.join(" · ", parts.stream().filter(p -> !p.isEmpty()).toList());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
