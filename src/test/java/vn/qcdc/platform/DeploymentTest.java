package vn.qcdc.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.qcdc.support.QcdcTest;

/** Every BPMN, DMN and form in processes/ and forms/ is deployed, and every process follows the house rules. */
@QcdcTest
class DeploymentTest {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyModelAndFormIsDeployed() throws IOException {
        Set<String> deployed = new HashSet<>();
        for (Deployment d : repositoryService.createDeploymentQuery().list()) {
            // resource names carry the classpath location they were found at: compare file names
            repositoryService.getDeploymentResourceNames(d.getId())
                    .forEach(name -> deployed.add(name.substring(name.lastIndexOf('/') + 1)));
        }
        List<Path> files = modelFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(deployed).as(file.toString()).contains(file.getFileName().toString());
        }
        for (Path bpmn : files.stream().filter(f -> f.toString().endsWith(".bpmn")).toList()) {
            String key = bpmn.getFileName().toString().replace(".bpmn", "");
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().count())
                    .as("process id = file name: " + key).isEqualTo(1);
        }
    }

    @Test
    void everyProcessHasHistoryTimeToLiveADiagramAndFormsForItsTasks() {
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull();
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            Set<String> shapes = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(node.getName()).as(definition.getKey() + "/" + node.getId() + " has a name").isNotBlank();
                assertThat(shapes).as(definition.getKey() + "/" + node.getId() + " is drawn").contains(node.getId());
            }
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                if (shape.getBpmnElement() instanceof SubProcess sub && sub.triggeredByEvent()) {
                    // the legally required paths (withdrawal, stopping, follow-up) are drawn open, inside their frame
                    assertThat(shape.isExpanded()).as(definition.getKey() + "/" + sub.getId() + " is expanded").isTrue();
                    Bounds frame = shape.getBounds();
                    for (FlowNode inner : sub.getChildElementsByType(FlowNode.class)) {
                        Bounds b = model.getModelElementsByType(BpmnShape.class).stream()
                                .filter(s -> s.getBpmnElement() == inner).findFirst().orElseThrow().getBounds();
                        assertThat(b.getX() >= frame.getX() && b.getY() >= frame.getY()
                                && b.getX() + b.getWidth() <= frame.getX() + frame.getWidth()
                                && b.getY() + b.getHeight() <= frame.getY() + frame.getHeight())
                                .as(definition.getKey() + "/" + inner.getId() + " lies inside " + sub.getId()).isTrue();
                    }
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaFormRef()).as(task.getId() + " uses a Camunda Form").isNotBlank();
                assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            }
        }
    }

    /**
     * form-js submits a read-only field's value with the rest (only disabled fields stay out), so Tasklist would write
     * back, at every step, the case text a form only shows: one more history row each time, and a way to overwrite it.
     * Fields shown for reading are disabled; read-only stays for the rows of a list shown for reading.
     */
    @Test
    void noFormSendsBackWhatItOnlyShows() throws IOException {
        List<String> readOnly = new java.util.ArrayList<>();
        for (Path form : modelFiles().stream().filter(p -> p.toString().endsWith(".form")).toList()) {
            collectReadOnly(JSON.readTree(form.toFile()), form.getFileName().toString(), readOnly);
        }
        assertThat(readOnly).isEmpty();
    }

    private static void collectReadOnly(JsonNode component, String form, List<String> found) {
        if (component.has("key") && component.path("readonly").asBoolean(false)) {
            found.add(form + ": " + component.get("key").asText());
        }
        if (!"dynamiclist".equals(component.path("type").asText())) {
            component.path("components").forEach(child -> collectReadOnly(child, form, found));
        }
    }

    /** A form that sends the officer to one of our pages links it ("[trang báo cáo](/reviews/{{reviewId}})"). */
    @Test
    void noFormNamesAPageAsText() throws IOException {
        java.util.regex.Pattern barePath = java.util.regex.Pattern.compile(
                "(?<![(\\w])/(reviews|cases|audit|oversight|inspections|dialogues|portal|classification|selfcriticism)\\b");
        List<String> bare = new java.util.ArrayList<>();
        for (Path form : modelFiles().stream().filter(p -> p.toString().endsWith(".form")).toList()) {
            java.util.regex.Matcher m = barePath.matcher(Files.readString(form));
            while (m.find()) {
                bare.add(form.getFileName() + ": " + m.group());
            }
        }
        assertThat(bare).isEmpty();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> modelFiles() throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("processes")); Stream<Path> forms = Files.list(Path.of("forms"))) {
            return Stream.concat(processes, forms)
                    .filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).toList();
        }
    }
}
