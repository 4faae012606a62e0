package vn.qcdc.dialogue;

import vn.qcdc.platform.SlidingWindowLimit;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.qcdc.platform.Refusal;

/** Questions before and at a dialogue, and the head's decision on each. Refusals change nothing. */
@Service
public class DialogueQuestions {

    public static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 200;
    static final int MAX_OWNER = 200;
    static final int MAX_QUESTIONS_PER_DIALOGUE = 1000;

    private final DialogueRepository dialogues;
    private final SlidingWindowLimit limit;
    private final Clock clock;

    DialogueQuestions(DialogueRepository dialogues, @Value("${qcdc.dialogue.questions-per-window:5}") int perWindow,
            @Value("${qcdc.dialogue.question-window-seconds:600}") long windowSeconds, Clock clock) {
        this.dialogues = dialogues;
        this.clock = clock;
        this.limit = new SlidingWindowLimit(perWindow, java.time.Duration.ofSeconds(windowSeconds), clock);
    }

    /** A citizen's question on the portal, at most {@code perWindow} per client address in the window. */
    @Transactional
    public long ask(long dialogueId, String text, String askerName, String client) {
        Dialogue d = openDialogue(dialogueId);
        String question = checkedText(text);
        String name = checkedName(askerName);
        reserve(client);
        return dialogues.addQuestion(d.id(), DialogueQuestion.Source.PORTAL, question, name, null, clock.instant());
    }

    /** A question an officer of the unit received in person. */
    @Transactional
    public long addByOfficer(long dialogueId, String text, String askerName, String officer) {
        Dialogue d = openDialogue(dialogueId);
        return dialogues.addQuestion(d.id(), DialogueQuestion.Source.OFFICER, checkedText(text), checkedName(askerName),
                officer, clock.instant());
    }

    /** The head's decision on one question, before the minutes are recorded. */
    @Transactional
    public void mark(long dialogueId, long questionId, DialogueQuestion.Outcome outcome, String owner, LocalDate due) {
        openDialogue(dialogueId);
        DialogueQuestion q = dialogues.question(questionId).filter(x -> x.dialogueId() == dialogueId)
                .orElseThrow(() -> new Refusal("dialogue.question.unknown"));
        if (outcome == null) {
            throw new Refusal("dialogue.outcome.unknown");
        }
        if (outcome == DialogueQuestion.Outcome.ACTION_ITEM) {
            String o = owner == null ? "" : owner.strip();
            if (o.isEmpty()) {
                throw new Refusal("dialogue.action.owner.required");
            }
            if (o.length() > MAX_OWNER) {
                throw new Refusal("dialogue.action.owner.too-long", MAX_OWNER);
            }
            if (due == null) {
                throw new Refusal("dialogue.action.due.required");
            }
            dialogues.mark(q.id(), outcome, o, due);
        } else {
            dialogues.mark(q.id(), outcome, null, null);
        }
    }

    private Dialogue openDialogue(long dialogueId) {
        Dialogue d = dialogues.find(dialogueId).orElseThrow(() -> new Refusal("dialogue.unknown"));
        if (d.status() == Dialogue.Status.HELD) {
            throw new Refusal("dialogue.question.closed.held");
        }
        if (d.status() == Dialogue.Status.CANCELLED) {
            throw new Refusal("dialogue.question.closed.cancelled");
        }
        if (dialogues.questionCount(d.id()) >= MAX_QUESTIONS_PER_DIALOGUE) {
            throw new Refusal("dialogue.question.full");
        }
        return d;
    }

    private static String checkedText(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new Refusal("dialogue.question.text.required");
        }
        if (t.length() > MAX_TEXT) {
            throw new Refusal("dialogue.question.text.too-long", MAX_TEXT);
        }
        return t;
    }

    private static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.length() > MAX_NAME) {
            throw new Refusal("dialogue.question.name.too-long", MAX_NAME);
        }
        return n.isEmpty() ? null : n;
    }

    private void reserve(String client) {
        if (!limit.tryAcquire(client)) {
            throw new Refusal("dialogue.question.rate-limited", limit.limit(), limit.window().toMinutes());
        }
    }

    /** Tests start each scenario with no recent questions. */
    void forgetRecentQuestions() {
        limit.clear();
    }
}
