package vn.qcdc.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a user may write into a process, read from its deployed BPMN and Camunda Forms and cached per
 * process definition: the fields of each task's form (and of the start form), the outputs a task
 * declares beyond its form, the variables that identify the process's business object and unit, and
 * the start-form fields that must never be stored by the engine.
 *
 * <p>The BPMN declares these as Camunda extension properties:
 * {@value #IDENTIFYING} on the process (comma list), {@value #OUTPUTS} on a user task or start event,
 * {@value #TRANSIENT} on a start event.
 */
class TaskInputs {

    static final String IDENTIFYING = "qcdc.identifying";
    static final String OUTPUTS = "qcdc.outputs";
    static final String TRANSIENT = "qcdc.transient";

    private static final Set<String> DISPLAY_ONLY_TYPES = Set.of("text", "html", "image", "spacer", "separator", "button",
            "iframe", "table", "documentPreview");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields of one form: those a user fills in, and those shown read-only (which must come back unchanged). */
    record Fields(Set<String> editable, Set<String> displayOnly, Set<String> transientFields) {
        static final Fields NONE = new Fields(Set.of(), Set.of(), Set.of());

        boolean mayCarry(String name) {
            return editable.contains(name) || displayOnly.contains(name);
        }
    }

    private final Supplier<RepositoryService> repository;
    private final Map<String, Fields> byTask = new ConcurrentHashMap<>();
    private final Map<String, Fields> byStart = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> identifying = new ConcurrentHashMap<>();
    private final Map<String, Map<String, JsonNode>> formsByDeployment = new ConcurrentHashMap<>();
    private volatile Set<String> identifyingAnywhere;
    private volatile long definitionsSeen = -1;

    TaskInputs(Supplier<RepositoryService> repository) {
        this.repository = repository;
    }

    Fields ofTask(String processDefinitionId, String taskDefinitionKey) {
        return byTask.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey, k -> {
            BaseElement task = model(processDefinitionId).getModelElementById(taskDefinitionKey);
            String formRef = task instanceof UserTask userTask ? formOf(userTask.getCamundaFormRef(),
                    userTask.getCamundaFormKey()) : null;
            return withOutputs(formFields(processDefinitionId, formRef, Set.of()), task);
        });
    }

    Fields ofStart(String processDefinitionId) {
        return byStart.computeIfAbsent(processDefinitionId, id -> {
            StartEvent start = noneStartEvent(model(id));
            Set<String> transientFields = start == null ? Set.of() : list(property(start, TRANSIENT));
            String formRef = start == null ? null : formOf(start.getCamundaFormRef(), start.getCamundaFormKey());
            return withOutputs(formFields(id, formRef, transientFields), start);
        });
    }

    /** The id of the Camunda Form an element names, by reference or by a {@code camunda-forms:deployment:} key. */
    private static String formOf(String formRef, String formKey) {
        if (formRef != null) {
            return formRef;
        }
        String prefix = "camunda-forms:deployment:";
        if (formKey != null && formKey.startsWith(prefix)) {
            String name = formKey.substring(prefix.length());
            return name.endsWith(".form") ? name.substring(0, name.length() - 5) : name;
        }
        return null;
    }

    Set<String> identifying(String processDefinitionId) {
        return identifying.computeIfAbsent(processDefinitionId, id -> {
            Collection<Process> processes = model(id).getModelElementsByType(Process.class);
            return processes.stream().flatMap(p -> list(property(p, IDENTIFYING)).stream())
                    .collect(Collectors.toUnmodifiableSet());
        });
    }

    /** Every name any deployed process declares identifying: for writes that name no process. */
    Set<String> identifyingAnywhere() {
        long count = repository.get().createProcessDefinitionQuery().count();
        if (identifyingAnywhere == null || count != definitionsSeen) {
            Set<String> all = new LinkedHashSet<>();
            for (ProcessDefinition d : repository.get().createProcessDefinitionQuery().latestVersion().list()) {
                all.addAll(identifying(d.getId()));
            }
            identifyingAnywhere = Set.copyOf(all);
            definitionsSeen = count;
        }
        return identifyingAnywhere;
    }

    String latestDefinitionId(String processDefinitionKey) {
        ProcessDefinition d = repository.get().createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey)
                .latestVersion().singleResult();
        return d == null ? null : d.getId();
    }

    private BpmnModelInstance model(String processDefinitionId) {
        return repository.get().getBpmnModelInstance(processDefinitionId);
    }

    private static StartEvent noneStartEvent(BpmnModelInstance model) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
                if (start.getEventDefinitions().isEmpty()) {
                    return start;
                }
            }
        }
        return null;
    }

    private static Fields withOutputs(Fields form, BaseElement element) {
        Set<String> outputs = element == null ? Set.of() : list(property(element, OUTPUTS));
        if (outputs.isEmpty()) {
            return form;
        }
        Set<String> editable = new LinkedHashSet<>(form.editable());
        editable.addAll(outputs);
        return new Fields(Set.copyOf(editable), form.displayOnly(), form.transientFields());
    }

    /** The fields of the form with this id deployed beside the process definition; none without a form. */
    private Fields formFields(String processDefinitionId, String formId, Set<String> transientFields) {
        JsonNode form = formId == null ? null : deployedForms(processDefinitionId).get(formId);
        if (form == null) {
            return new Fields(Set.of(), Set.of(), Set.copyOf(transientFields));
        }
        Set<String> editable = new LinkedHashSet<>();
        Set<String> displayOnly = new LinkedHashSet<>();
        walk(form.path("components"), editable, displayOnly);
        displayOnly.removeAll(editable);
        return new Fields(Set.copyOf(editable), Set.copyOf(displayOnly), Set.copyOf(transientFields));
    }

    private Map<String, JsonNode> deployedForms(String processDefinitionId) {
        String deploymentId = repository.get().getProcessDefinition(processDefinitionId).getDeploymentId();
        return formsByDeployment.computeIfAbsent(deploymentId, id -> {
            Map<String, JsonNode> byId = new java.util.HashMap<>();
            for (String name : repository.get().getDeploymentResourceNames(id)) {
                if (name.endsWith(".form")) {
                    try (InputStream in = repository.get().getResourceAsStream(id, name)) {
                        JsonNode form = JSON.readTree(in);
                        byId.put(form.path("id").asText(name.replaceAll("^.*/|\\.form$", "")), form);
                    } catch (IOException e) {
                        throw new IllegalStateException("The deployed form " + name + " is not valid JSON", e);
                    }
                }
            }
            return byId;
        });
    }

    private static void walk(JsonNode components, Set<String> editable, Set<String> displayOnly) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (c.hasNonNull("key") && !DISPLAY_ONLY_TYPES.contains(type)) {
                String variable = topLevel(c.get("key").asText());
                boolean readOnly = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
                (readOnly ? displayOnly : editable).add(variable);
            }
            if (c.hasNonNull("path") && !c.get("path").asText().isBlank()) {
                // groups and dynamic lists submit their children under this variable
                editable.add(topLevel(c.get("path").asText()));
                walk(c.path("components"), new LinkedHashSet<>(), new LinkedHashSet<>());
            } else {
                walk(c.path("components"), editable, displayOnly);
            }
        }
    }

    private static String topLevel(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static String property(BaseElement element, String name) {
        if (element.getExtensionElements() == null) {
            return null;
        }
        for (CamundaProperties properties : element.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).list()) {
            for (CamundaProperty p : properties.getCamundaProperties()) {
                if (name.equals(p.getCamundaName())) {
                    return p.getCamundaValue();
                }
            }
        }
        return null;
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
