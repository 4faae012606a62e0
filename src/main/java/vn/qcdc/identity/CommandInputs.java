package vn.qcdc.identity;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * What a command asks the engine to write, read from the command object itself: the engine's public
 * API hands our interceptor only the command, and its commands keep their inputs in protected
 * fields. Known commands are read by field name; any other command is searched for variable maps it
 * carries, so a command we have never seen cannot smuggle variables past the guard.
 */
final class CommandInputs {

    private static final String CMD = "org.camunda.bpm.engine.impl.cmd.";
    private static final int MAX_DEPTH = 4;

    private CommandInputs() {
    }

    /** A task completion (complete, resolve, submit-form, BPMN error or escalation from a task). */
    record Completion(String taskId, Map<String, Object> variables) {
    }

    /** A process start (start, submit start form); {@code variables} is the live map the engine will use. */
    record Start(String processDefinitionId, String processDefinitionKey, Map<String, Object> variables,
            boolean atActivities) {
    }

    static Completion completion(Command<?> command) {
        String name = command.getClass().getName();
        if (isA(command, CMD + "CompleteTaskCmd")) {
            return new Completion(string(command, "taskId"), map(command, "variables"));
        }
        if (name.equals(CMD + "SubmitTaskFormCmd")) {
            return new Completion(string(command, "taskId"), map(command, "properties"));
        }
        if (name.equals(CMD + "HandleTaskBpmnErrorCmd") || name.equals(CMD + "HandleTaskEscalationCmd")) {
            return new Completion(string(command, "taskId"), map(command, "variables"));
        }
        return null;
    }

    static Start start(Command<?> command) {
        String name = command.getClass().getName();
        if (name.equals(CMD + "SubmitStartFormCmd")) {
            return new Start(string(command, "processDefinitionId"), null, map(command, "variables"), false);
        }
        boolean atActivities = name.equals(CMD + "StartProcessInstanceAtActivitiesCmd");
        if (name.equals(CMD + "StartProcessInstanceCmd") || atActivities) {
            Object builder = field(command, "instantiationBuilder");
            Object modification = field(builder, "modificationBuilder");
            return new Start(string(builder, "processDefinitionId"), string(builder, "processDefinitionKey"),
                    map(modification, "processVariables"), atActivities);
        }
        return null;
    }

    /** Whether the command saves a task that does not exist yet: a free-standing task, outside every process. */
    static boolean createsTask(Command<?> command) {
        return command.getClass().getName().equals(CMD + "CreateTaskCmd")
                || command.getClass().getName().equals(CMD + "SaveTaskCmd")
                && field(command, "task") instanceof org.camunda.bpm.engine.task.Task task
                && task instanceof org.camunda.bpm.engine.impl.persistence.entity.TaskEntity entity
                && entity.getRevision() == 0;
    }

    /**
     * The names of the variables any other command would write or remove; empty when it writes none.
     * Correlation criteria are read-only and not counted.
     */
    static Set<String> otherWrites(Command<?> command) {
        Set<String> names = new java.util.TreeSet<>();
        collect(command, names, 0, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return names;
    }

    private static void collect(Object target, Set<String> names, int depth, Set<Object> seen) {
        if (target == null || depth > MAX_DEPTH || !seen.add(target)) {
            return;
        }
        for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getName().startsWith("correlation")
                        || CommandExecutor.class.isAssignableFrom(f.getType())
                        || CommandContext.class.isAssignableFrom(f.getType())) {
                    continue;
                }
                Object value = read(target, f);
                if (value instanceof Map<?, ?> map) {
                    map.keySet().forEach(k -> names.add(String.valueOf(k)));
                } else if (value instanceof Collection<?> items) {
                    boolean variableNames = f.getName().toLowerCase().contains("variable")
                            || f.getName().equals("deletions");
                    for (Object item : items) {
                        if (item instanceof String s && variableNames) {
                            names.add(s);
                        } else if (isEngineObject(item)) {
                            collect(item, names, depth + 1, seen);
                        }
                    }
                } else if (isEngineObject(value)) {
                    collect(value, names, depth + 1, seen);
                }
            }
        }
    }

    private static boolean isEngineObject(Object value) {
        return value != null && value.getClass().getName().startsWith("org.camunda.bpm.engine.impl.")
                && !value.getClass().getName().contains(".persistence.");
    }

    private static boolean isA(Object target, String className) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static String string(Object target, String name) {
        Object value = field(target, name);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object target, String name) {
        Object value = field(target, name);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static Object field(Object target, String name) {
        if (target == null) {
            return null;
        }
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field f = type.getDeclaredField(name);
                return read(target, f);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException("The engine's " + target.getClass().getName() + " has no field " + name);
    }

    private static Object read(Object target, Field f) {
        try {
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
