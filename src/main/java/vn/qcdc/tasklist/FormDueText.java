package vn.qcdc.tasklist;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;
import vn.qcdc.platform.ResponseRewrite;

/**
 * A task's due date as its form states it ("chậm nhất ngày {{dueText}}"), added to the task's form variables as
 * Tasklist (or a REST client) fetches them, from the task's due date at that moment: never stored, so never stale
 * after an extension and never one more variable in the engine's history for every task. Added only to an answer
 * the engine gave the user (200), that is for a task the user may read.
 */
@Configuration
class FormDueText {

    static final String DUE_TEXT = "dueText";
    private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> formDueTextFilter(TaskService taskService, Clock clock) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Add(taskService, clock.getZone()));
        registration.setName("qcdc-form-due-text");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(-2);
        return registration;
    }

    static final class Add extends ResponseRewrite {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final TaskService taskService;
        private final ZoneId zone;

        Add(TaskService taskService, ZoneId zone) {
            this.taskService = taskService;
            this.zone = zone;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
        }

        @Override
        protected byte[] rewrite(HttpServletRequest request, byte[] body) throws IOException {
            Matcher uri = FORM_VARIABLES.matcher(request.getRequestURI());
            String names = request.getParameter("variableNames");
            boolean asked = names == null || Arrays.asList(names.split(",")).contains(DUE_TEXT);
            return asked && uri.matches() ? add(body, uri.group(1)) : body;
        }

        private byte[] add(byte[] body, String taskId) throws IOException {
            JsonNode variables = JSON.readTree(body);
            if (!(variables instanceof ObjectNode object) || object.has(DUE_TEXT)) {
                return body;
            }
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || task.getDueDate() == null) {
                return body;
            }
            object.putObject(DUE_TEXT).put("type", "String")
                    .put("value", DAY.format(task.getDueDate().toInstant().atZone(zone))).putObject("valueInfo");
            return JSON.writeValueAsBytes(object);
        }
    }
}
