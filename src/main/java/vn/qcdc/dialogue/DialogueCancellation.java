package vn.qcdc.dialogue;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import vn.qcdc.identity.SystemAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.qcdc.platform.Refusal;

/** The head calls off a planned dialogue: the notice says so, questions stop, the process ends. */
@Service
public class DialogueCancellation {

    private final DialogueRepository dialogues;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    DialogueCancellation(DialogueRepository dialogues, RuntimeService runtimeService, IdentityService identityService) {
        this.dialogues = dialogues;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @Transactional
    public void cancel(long dialogueId, String by) {
        Dialogue d = dialogues.find(dialogueId).orElseThrow(() -> new Refusal("dialogue.unknown"));
        if (!d.open()) {
            throw new Refusal("dialogue.cancel.not-planned");
        }
        dialogues.cancelled(d.id());
        if (d.processInstanceId() != null) {
            SystemAuthority.call(identityService, () -> {
                if (runtimeService.createProcessInstanceQuery().processInstanceId(d.processInstanceId()).count() > 0) {
                    runtimeService.deleteProcessInstance(d.processInstanceId(), "Đối thoại đã hủy (" + by + ")");
                }
                return null;
            });
        }
    }
}
