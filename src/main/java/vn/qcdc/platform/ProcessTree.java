package vn.qcdc.platform;

import java.util.function.LongFunction;

import org.camunda.bpm.engine.delegate.DelegateExecution;


/**
 * Which business object a step may write: the one its own process tree owns. Steps never trust an id
 * in a variable alone; they check that the object's recorded process instance is the root of the
 * process tree the step runs in (the instance that created it, or called the one that runs now).
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** The process instance at the top of the call-activity chain this execution runs in. */
    public static String rootInstanceId(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance.getProcessInstanceId();
    }

    /**
     * The id in {@code variable}, once the object it names is found to belong to this execution's tree
     * ({@code ownerOf} gives the process instance recorded with the object, or null).
     */
    public static long ownedId(DelegateExecution execution, String variable, LongFunction<String> ownerOf) {
        if (!(execution.getVariable(variable) instanceof Number id)) {
            throw new EngineRefusal("engine.refused.foreign-object");
        }
        requireOwned(ownerOf.apply(id.longValue()), execution);
        return id.longValue();
    }

    /** Refuses unless {@code ownerInstanceId} (the object's recorded process) is this execution's tree. */
    public static void requireOwned(String ownerInstanceId, DelegateExecution execution) {
        if (ownerInstanceId == null || !ownerInstanceId.equals(rootInstanceId(execution))) {
            throw new EngineRefusal("engine.refused.foreign-object");
        }
    }
}
