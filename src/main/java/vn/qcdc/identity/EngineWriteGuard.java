package vn.qcdc.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.qcdc.platform.PlainText;
import vn.qcdc.platform.EngineRefusal;

/**
 * The engine's trust boundary, one place for every door (Tasklist, /engine-rest, the webapps' API, our
 * own pages): every command a signed-in user sends is checked before the engine runs it.
 * <ul>
 * <li>completing a task sets only the fields of that task's form and the outputs its BPMN declares;
 * fields the form shows read-only, and the variables that identify the business object and its unit,
 * must come back unchanged;</li>
 * <li>starting a process sets only the fields of its start form; the start form's confidential fields
 * become transient, so the engine never stores them;</li>
 * <li>no other write of variables by an officer (set, patch, remove, messages, signals, modification);
 * an administrator may, but never an identifying variable;</li>
 * <li>read-only roles (auditors) run reads only;</li>
 * <li>no text longer than the engine can store, and no control characters.</li>
 * </ul>
 * Commands run by the engine itself (jobs, steps inside a command) and by our own code on the system's
 * authority are not checked here: they act on what a checked command or our own rules decided.
 */
@Component
class EngineWriteGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineWriteGuard.class);
    /** The engine's string columns (TEXT_ in its variable and history tables) hold 4,000 characters. */
    static final int MAX_TEXT = 4000;
    private static final Pattern READ_COMMAND = Pattern.compile(
            "(Get|Find|Is|Determine|Check|AuthorizationCheck|Create[A-Za-z]*Query|Execute[A-Za-z]*Query|ExecuteFilter)"
                    + "[A-Za-z]*");

    private ProcessEngineConfigurationImpl engine;
    private TaskInputs inputs;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        this.inputs = new TaskInputs(configuration::getRepositoryService);
        configuration.setCustomPreCommandInterceptorsTxRequired(
                with(configuration.getCustomPreCommandInterceptorsTxRequired(), new Guard()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Guard()));
        // a transient start-form field must leave no trace: the engine's echo of submitted form fields
        // into history (a copy of what the variable updates already record) is left out
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new HistoryWithoutFormEchoes());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    TaskInputs inputs() {
        return inputs;
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor guard) {
        List<CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        all.add(0, guard);
        return all;
    }

    private final class Guard extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() != null) {
                // a step inside a running command: the engine's or our own code, acting on a checked command
                return next.execute(command);
            }
            Authentication caller = engine.getIdentityService().getCurrentAuthentication();
            try {
                if (caller != null && caller.getUserId() != null) {
                    check(command, new Caller(caller));
                } else {
                    keepConfidentialFieldsTransient(command);
                }
                return next.execute(command);
            } catch (RuntimeException e) {
                throw reported(command, e);
            }
        }
    }

    /** The signed-in user behind a command, and what their roles allow. */
    record Caller(String userId, boolean admin, boolean readOnly) {
        Caller(Authentication auth) {
            this(auth.getUserId(), isAdmin(auth.getGroupIds()), isReadOnly(auth.getGroupIds()));
        }

        private static boolean isAdmin(List<String> groups) {
            return groups != null && (groups.contains(Role.ADMIN.groupId()) || groups.contains("camunda-admin"));
        }

        private static boolean isReadOnly(List<String> groups) {
            return groups != null && groups.contains(Role.AUDITOR.groupId()) && !isAdmin(groups);
        }
    }

    private void check(Command<?> command, Caller caller) {
        if (isRead(command)) {
            return;
        }
        if (caller.readOnly()) {
            throw forbidden(caller, "engine.refused.read-only");
        }
        if (!caller.admin() && CommandInputs.createsTask(command)) {
            // every task comes from a process step; Tasklist's "Tạo công việc" is hidden from officers too
            throw forbidden(caller, "engine.refused.free-standing-task");
        }
        CommandInputs.Completion completion = CommandInputs.completion(command);
        if (completion != null) {
            checkCompletion(completion);
            return;
        }
        CommandInputs.Start start = CommandInputs.start(command);
        if (start != null) {
            checkStart(start, caller);
            return;
        }
        Set<String> writes = CommandInputs.otherWrites(command);
        if (writes.isEmpty()) {
            return;
        }
        if (!caller.admin()) {
            throw forbidden(caller, "engine.refused.variables");
        }
        Set<String> identifying = new TreeSet<>(writes);
        identifying.retainAll(systemCall(inputs::identifyingAnywhere));
        if (!identifying.isEmpty()) {
            throw forbidden(caller, "engine.refused.identifying", String.join(", ", identifying));
        }
    }

    private static boolean isRead(Command<?> command) {
        return command instanceof AbstractQuery<?, ?>
                || READ_COMMAND.matcher(command.getClass().getSimpleName()).matches();
    }

    private void checkCompletion(CommandInputs.Completion completion) {
        Map<String, Object> variables = completion.variables();
        if (variables.isEmpty()) {
            return;
        }
        Task task = systemCall(() -> engine.getTaskService().createTaskQuery().taskId(completion.taskId()).singleResult());
        if (task == null) {
            // the command fails on its own with "not found", exactly as without the guard
            return;
        }
        TaskInputs.Fields fields = task.getProcessDefinitionId() == null ? TaskInputs.Fields.NONE
                : systemCall(() -> inputs.ofTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
        Set<String> identifying = task.getProcessDefinitionId() == null ? Set.of()
                : systemCall(() -> inputs.identifying(task.getProcessDefinitionId()));
        Set<String> outside = new TreeSet<>(variables.keySet());
        outside.removeIf(fields::mayCarry);
        if (!outside.isEmpty()) {
            throw new EngineRefusal("engine.refused.not-in-form", String.join(", ", outside));
        }
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            checkValue(v.getKey(), v.getValue(), true);
            if (identifying.contains(v.getKey()) || fields.displayOnly().contains(v.getKey())) {
                Object current = systemCall(() -> engine.getRuntimeService().getVariable(task.getExecutionId(), v.getKey()));
                if (!sameValue(current, v.getValue())) {
                    throw new EngineRefusal("engine.refused.unchangeable", v.getKey());
                }
            }
        }
    }

    private void checkStart(CommandInputs.Start start, Caller caller) {
        if (start.atActivities() && !caller.admin()) {
            throw forbidden(caller, "engine.refused.start-at-activity");
        }
        String definitionId = start.processDefinitionId() != null ? start.processDefinitionId()
                : systemCall(() -> inputs.latestDefinitionId(start.processDefinitionKey()));
        if (definitionId == null) {
            return;
        }
        TaskInputs.Fields fields = systemCall(() -> inputs.ofStart(definitionId));
        Map<String, Object> variables = start.variables();
        Set<String> outside = new TreeSet<>(variables.keySet());
        outside.removeIf(fields::mayCarry);
        if (!outside.isEmpty()) {
            throw new EngineRefusal("engine.refused.not-in-form", String.join(", ", outside));
        }
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            // a transient field is never stored, so only the step that reads it limits its length
            checkValue(v.getKey(), v.getValue(), !fields.transientFields().contains(v.getKey()));
        }
        makeTransient(variables, fields.transientFields());
    }

    /** Whoever starts the process, its start form's confidential fields are never stored. */
    private void keepConfidentialFieldsTransient(Command<?> command) {
        CommandInputs.Start start = CommandInputs.start(command);
        if (start == null || start.variables().isEmpty()) {
            return;
        }
        String definitionId = start.processDefinitionId() != null ? start.processDefinitionId()
                : inputs.latestDefinitionId(start.processDefinitionKey());
        if (definitionId != null) {
            makeTransient(start.variables(), inputs.ofStart(definitionId).transientFields());
        }
    }

    /** Replaces the named submitted values by transient ones, keeping every other value as it came. */
    private static void makeTransient(Map<String, Object> variables, Set<String> names) {
        for (String name : names) {
            if (variables.containsKey(name)) {
                Object value = variables instanceof org.camunda.bpm.engine.variable.VariableMap typed
                        ? typed.getValueTyped(name) : variables.get(name);
                variables.put(name, asTransient(value));
            }
        }
    }

    private static Object asTransient(Object value) {
        return Variables.untypedValue(value instanceof TypedValue typed ? typed.getValue() : value, true);
    }

    static void checkValue(String name, Object value, boolean stored) {
        Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
        String text = plain instanceof String s ? s : plain instanceof SpinJsonNode json ? json.toString() : null;
        if (text == null) {
            return;
        }
        if (stored && plain instanceof String && text.length() > MAX_TEXT) {
            throw new EngineRefusal("engine.refused.too-long", name, MAX_TEXT);
        }
        if (PlainText.hasControlCharacters(text)) {
            throw new EngineRefusal("engine.refused.control", name);
        }
    }

    private static boolean sameValue(Object current, Object submitted) {
        Object plain = submitted instanceof TypedValue typed ? typed.getValue() : submitted;
        if (Objects.equals(current, plain)) {
            return true;
        }
        if (current instanceof Number a && plain instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return current != null && plain != null && current.toString().equals(plain.toString());
    }

    /** A write the caller's role may never make: a 403 on every door, with the refusal's message. */
    private static AuthorizationException forbidden(Caller caller, String messageKey, Object... args) {
        return new AuthorizationException(new EngineRefusal(messageKey, args).getMessage() + " (" + caller.userId() + ")");
    }

    private <T> T systemCall(java.util.function.Supplier<T> work) {
        return SystemAuthority.call(engine.getIdentityService(), work);
    }

    /**
     * The engine logs every failed command at ERROR with its stack trace; a user's mistake is not an
     * error of the system, so its one line goes to INFO and the refusal is handed to the door unwrapped.
     */
    private RuntimeException reported(Command<?> command, RuntimeException e) {
        EngineRefusal refusal = EngineRefusal.causeOf(e);
        if (refusal != null) {
            log.info("Refused {}: {}", command.getClass().getSimpleName(), refusal.messageKey());
            return refusal;
        }
        if (e instanceof AuthorizationException || e instanceof BadUserRequestException
                || e instanceof OptimisticLockingException || e instanceof TaskAlreadyClaimedException) {
            log.info("Refused {}: {}", command.getClass().getSimpleName(), e.getMessage());
        } else {
            log.error("Engine command {} failed", command.getClass().getSimpleName(), e);
        }
        return e;
    }
}
