package vn.qcdc.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A form-js dynamic list's value as Tasklist submits it: a Json variable holding one object per row. */
public final class FormLists {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormLists() {
    }

    /** Rows from field names and values: {@code rows(List.of("userId", "title"), "truong.p1", "Chủ tịch", …)}. */
    public static List<Map<String, String>> rows(List<String> fields, String... values) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i += fields.size()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int f = 0; f < fields.size(); f++) {
                row.put(fields.get(f), values[i + f]);
            }
            rows.add(row);
        }
        return rows;
    }

    public static JsonValue json(List<Map<String, String>> rows) {
        return SpinValues.jsonValue(text(rows)).create();
    }

    public static String text(List<Map<String, String>> rows) {
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
