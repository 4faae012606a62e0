package vn.qcdc.platform;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Fills the server's choice lists into a deployed Camunda Form as Tasklist (or a REST client) fetches it: every
 * component whose {@code valuesKey} one of the {@link FormChoices} answers gets static {@code values} for the
 * signed-in officer instead. Tasklist loads variables for task forms only, so this is how a start form offers the
 * units and people to pick from.
 */
@Configuration
class DeployedFormChoices {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deployedFormChoicesFilter(List<FormChoices> providers) {
        Map<String, FormChoices> byKey = new HashMap<>();
        for (FormChoices provider : providers) {
            provider.keys().forEach(key -> {
                if (byKey.put(key, provider) != null) {
                    throw new IllegalStateException("two modules answer the form choice list " + key);
                }
            });
        }
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Fill(byKey));
        registration.setName("qcdc-deployed-form-choices");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // inside the sign-on filters: the request knows its user
        registration.setOrder(-2);
        return registration;
    }

    static final class Fill extends ResponseRewrite {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final Map<String, FormChoices> byKey;

        Fill(Map<String, FormChoices> byKey) {
            this.byKey = byKey;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String uri = request.getRequestURI();
            return !"GET".equals(request.getMethod())
                    || !(uri.endsWith("/deployed-form") || uri.endsWith("/deployed-start-form"));
        }

        @Override
        protected byte[] rewrite(HttpServletRequest request, byte[] body) {
            return fill(body, request.getRemoteUser());
        }

        private byte[] fill(byte[] body, String userId) {
            JsonNode form;
            try {
                form = JSON.readTree(body);
            } catch (IOException e) {
                return body;
            }
            Map<String, ArrayNode> filled = new HashMap<>();
            if (!fill(form, userId, filled)) {
                return body;
            }
            try {
                return JSON.writeValueAsBytes(form);
            } catch (IOException e) {
                return body;
            }
        }

        /** Fills the component and those inside it; whether anything changed. */
        private boolean fill(JsonNode node, String userId, Map<String, ArrayNode> filled) {
            boolean changed = false;
            if (node instanceof ObjectNode component && component.path("valuesKey").isTextual()) {
                String key = component.get("valuesKey").asText();
                FormChoices provider = byKey.get(key);
                if (provider != null) {
                    ArrayNode values = filled.computeIfAbsent(key, k -> values(provider.choices(k, userId)));
                    component.remove("valuesKey");
                    component.set("values", values.deepCopy());
                    changed = true;
                }
            }
            if (node.path("components").isArray()) {
                for (JsonNode child : node.get("components")) {
                    changed |= fill(child, userId, filled);
                }
            }
            return changed;
        }

        private static ArrayNode values(List<FormChoices.Choice> choices) {
            ArrayNode values = JSON.createArrayNode();
            choices.forEach(c -> values.addObject().put("label", c.label()).put("value", c.value()));
            return values;
        }
    }
}
