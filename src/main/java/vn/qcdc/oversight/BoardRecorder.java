package vn.qcdc.oversight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.identity.Role;

/**
 * Keeps the board's table of open tasks in step with the engine: every user task of every process
 * reports its creation, assignment, changes, completion and deletion, in the engine's transaction.
 * The statutory rule behind a task's due date is read from the BPMN: the first argument of
 * {@code deadlines.due(rule, …)} in the task's due date, or, where the due date is a variable, of the
 * {@code startClock(execution, rule, from, 'variable')} step that set it.
 */
@Component
class BoardRecorder extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(BoardRecorder.class);
    private static final Pattern DUE_CALL = Pattern.compile("deadlines\\.due\\((.+?),[^,]*\\)\\s*}$");
    private static final Pattern DUE_VARIABLE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    private static final Pattern START_CLOCK = Pattern.compile(
            "startClock\\(\\s*execution\\s*,\\s*(.+?)\\s*,\\s*'[^']*'\\s*,\\s*'([A-Za-z_][A-Za-z0-9_]*)'\\s*\\)");

    private final BoardTasks tasks;
    private final BoardSubjects subjects;
    private final FollowUpTasks followUps;
    private ExpressionManager expressions;

    BoardRecorder(@Lazy BoardTasks tasks, @Lazy BoardSubjects subjects, @Lazy FollowUpTasks followUps) {
        this.tasks = tasks;
        this.subjects = subjects;
        this.followUps = followUps;
    }

    /** The rule behind one user task's due date: an expression, known once the whole process is parsed. */
    static final class DueRule {
        private final String dueDateText;
        private volatile Expression expression;

        DueRule(String dueDateText) {
            this.dueDateText = dueDateText;
        }
    }

    /** The listener on every user task; {@link #ruleOf} finds it again for tasks recorded after the fact. */
    final class Listener implements TaskListener {
        private final DueRule rule;

        Listener(DueRule rule) {
            this.rule = rule;
        }

        @Override
        public void notify(DelegateTask task) {
            switch (task.getEventName()) {
                case EVENTNAME_CREATE -> {
                    if (FollowUpTasks.isFollowUp(task)) {
                        followUps.created(task);
                    }
                    tasks.insert(rowOf(task, rule));
                }
                case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> tasks.update(task.getId(), task.getName(),
                        task.getAssignee(), task.getDueDate(), task.getFollowUpDate(), candidateGroup(task),
                        unitOf(task));
                case EVENTNAME_COMPLETE -> {
                    if (FollowUpTasks.isFollowUp(task)) {
                        followUps.completed(task);
                    }
                    tasks.completed(task.getId(), task.getDueDate());
                }
                case EVENTNAME_DELETE -> tasks.delete(task.getId());
                default -> { }
            }
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
        listeners.add(new Parse());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        expressions = configuration.getExpressionManager();
    }

    private final class Parse extends AbstractBpmnParseListener {
        private final Map<Object, List<DueRule>> pending = Collections.synchronizedMap(new IdentityHashMap<>());

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            String dueDate = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "dueDate");
            DueRule rule = new DueRule(dueDate);
            pending.computeIfAbsent(scope.getProcessDefinition(), k -> new ArrayList<>()).add(rule);
            TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            Listener listener = new Listener(rule);
            for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
                    TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
                definition.addBuiltInTaskListener(event, listener);
            }
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            List<DueRule> rules = pending.remove(processDefinition);
            if (rules == null) {
                return;
            }
            Map<String, String> clocks = new java.util.HashMap<>();
            collectClocks(processElement, clocks);
            for (DueRule rule : rules) {
                String argument = ruleArgument(rule.dueDateText, clocks);
                if (argument != null) {
                    try {
                        rule.expression = expressions.createExpression("${" + argument + "}");
                    } catch (RuntimeException e) {
                        log.warn("Không đọc được quy tắc thời hạn '{}' của {}", argument, processDefinition.getKey());
                    }
                }
            }
        }
    }

    private static void collectClocks(Element element, Map<String, String> clocks) {
        String expression = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "expression");
        if (expression != null) {
            Matcher m = START_CLOCK.matcher(expression);
            while (m.find()) {
                clocks.put(m.group(2), m.group(1));
            }
        }
        for (Element child : element.elements()) {
            collectClocks(child, clocks);
        }
    }

    static String ruleArgument(String dueDate, Map<String, String> clocks) {
        if (dueDate == null) {
            return null;
        }
        String text = dueDate.trim();
        Matcher call = DUE_CALL.matcher(text);
        if (call.find()) {
            return call.group(1).trim();
        }
        Matcher variable = DUE_VARIABLE.matcher(text);
        return variable.matches() ? clocks.get(variable.group(1)) : null;
    }

    /** The rule code of a task's due date, or null where its BPMN names none. */
    private static String ruleCode(DueRule rule, DelegateTask task) {
        if (rule == null || rule.expression == null || task.getDueDate() == null) {
            return null;
        }
        try {
            Object value = rule.expression.getValue(task.getExecution());
            return value instanceof String code ? code : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    BoardTasks.Row rowOf(DelegateTask task, DueRule rule) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        DelegateExecution root = execution.getProcessInstance();
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution().getProcessInstance();
        }
        String businessKey = root.getProcessBusinessKey();
        BoardSubjects.Subject subject = subjects.of(businessKey);
        ProcessDefinitionEntity definition = execution.getProcessDefinition();
        return new BoardTasks.Row(task.getId(), task.getProcessInstanceId(), root.getProcessInstanceId(),
                definition.getKey(), definition.getName(), task.getTaskDefinitionKey(), task.getName(), unitOf(task),
                candidateGroup(task), task.getAssignee(), task.getCreateTime(), task.getDueDate(),
                task.getFollowUpDate(), ruleCode(rule, task), businessKey,
                subject == null ? definition.getKey() : subject.kind(), subject == null ? null : subject.title());
    }

    /** The listener this engine put on a user task's definition, to record a task found without a row. */
    DueRule ruleOf(TaskDefinition definition) {
        return definition.getBuiltinTaskListeners().getOrDefault(TaskListener.EVENTNAME_CREATE, List.of()).stream()
                .filter(Listener.class::isInstance).map(l -> ((Listener) l).rule).findFirst().orElse(null);
    }

    private static List<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).sorted().toList();
    }

    static String candidateGroup(DelegateTask task) {
        List<String> groups = candidateGroups(task);
        return groups.stream().filter(g -> unitOfGroup(g) != null).findFirst()
                .orElse(groups.isEmpty() ? null : groups.get(0));
    }

    /** The unit whose work a task is: the unit of its first unit-scoped candidate group, else the process's unit. */
    static String unitOf(DelegateTask task) {
        for (String group : candidateGroups(task)) {
            String unit = unitOfGroup(group);
            if (unit != null) {
                return unit;
            }
        }
        return task.getVariable("unitCode") instanceof String unit ? unit : null;
    }

    static String unitOfGroup(String group) {
        int colon = group.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        return Role.ofGroupId(group.substring(colon + 1)).filter(Role::unitScoped).isPresent()
                ? group.substring(0, colon) : null;
    }
}
