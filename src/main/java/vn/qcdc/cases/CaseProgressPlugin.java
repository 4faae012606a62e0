package vn.qcdc.cases;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every user task of every case process reports to the case file when it is created: its name and
 * due date become the citizen's "next step", and the status named by the task's
 * {@code camunda:property name="caseStatus"} (if any) becomes the case status. A task marked
 * {@code citizenNextStep="false"} runs beside the resolution (a notice, a publication) and reports nothing.
 */
@Component
class CaseProgressPlugin extends AbstractProcessEnginePlugin {

    private final CaseFileSteps caseFile;

    CaseProgressPlugin(@Lazy CaseFileSteps caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new java.util.ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if ("false".equals(propertyOf(userTaskElement, "citizenNextStep"))) {
                    return; // a side task (a notice, a publication) beside the resolution: not the citizen's next step
                }
                String status = propertyOf(userTaskElement, "caseStatus");
                TaskListener listener = (DelegateTask task) -> caseFile.taskCreated(task, status);
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static String propertyOf(Element userTask, String name) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(
                org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elements()) {
            if (name.equals(property.attribute("name"))) {
                return property.attribute("value");
            }
        }
        return null;
    }
}
