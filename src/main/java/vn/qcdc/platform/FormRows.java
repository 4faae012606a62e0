package vn.qcdc.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rows of a form-js dynamic list. Tasklist submits one as a Json variable (an array of objects, one per row);
 * the REST API and the tests may send the same as JSON text or as a list of maps. Every row comes back as its
 * fields' text, trimmed; anything that is not a list of flat rows is refused, never half read.
 */
public final class FormRows {

    public static final int MAX_ROWS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormRows() {
    }

    /** The rows of the list; none for an empty or missing value. {@code label} names the field in a refusal. */
    public static List<Map<String, String>> of(Object value, String label) {
        Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
        if (plain == null || plain instanceof String s && s.isBlank()) {
            return List.of();
        }
        JsonNode rows;
        try {
            rows = plain instanceof SpinJsonNode spin ? JSON.readTree(spin.toString())
                    : plain instanceof String text ? JSON.readTree(text)
                    : plain instanceof Collection<?> list ? JSON.valueToTree(list) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            rows = null;
        }
        if (rows == null || !rows.isArray()) {
            throw new EngineRefusal("form.rows.invalid", label);
        }
        if (rows.size() > MAX_ROWS) {
            throw new EngineRefusal("form.rows.too-many", label, MAX_ROWS);
        }
        List<Map<String, String>> result = new ArrayList<>();
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw new EngineRefusal("form.rows.invalid", label);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : row.properties()) {
                JsonNode v = field.getValue();
                if (v.isContainerNode()) {
                    throw new EngineRefusal("form.rows.invalid", label);
                }
                fields.put(field.getKey(), v.isNull() ? "" : v.asText().strip());
            }
            if (fields.values().stream().anyMatch(t -> !t.isEmpty())) {
                result.add(fields);
            }
        }
        return result;
    }

    /** The text of one field of a row, empty if the row lacks it. */
    public static String text(Map<String, String> row, String field) {
        return row.getOrDefault(field, "");
    }

    /** Rows as the Json variable a dynamic list starts from, so a form opens with them filled in. */
    public static JsonValue json(List<Map<String, String>> rows) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Picked values as the Json array a tag list or checklist opens with. */
    public static JsonValue picked(List<?> values) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(values.stream().map(String::valueOf).toList())).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fills a task's dynamic list before the officer opens it, unless it already holds rows. The rows go on the
     * process, not the task: a task-local copy would hide what the form submits from the steps that read it.
     */
    public static void prefill(DelegateTask task, String listVariable, Supplier<List<Map<String, String>>> rows) {
        if (task.getVariable(listVariable) == null) {
            task.getExecution().setVariable(listVariable, json(rows.get()));
        }
    }

    /** Choices for a form-js select, as the Json variable its {@code valuesKey} reads: [{label, value}, …]. */
    public static JsonValue choices(Map<String, String> labelsByValue) {
        List<Map<String, String>> options = new ArrayList<>();
        labelsByValue.forEach((value, label) -> options.add(Map.of("label", label, "value", value)));
        return json(options);
    }
}
