package vn.qcdc.inspection;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.qcdc.platform.FormChoices;

/** The nine targets an inspection plan may cover, by their Vietnamese names. */
@Component
class TargetChoices implements FormChoices {

    static final String INSPECTION_TARGETS = "inspectionTargets";
    private static final Locale FORM_LOCALE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    TargetChoices(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Set<String> keys() {
        return Set.of(INSPECTION_TARGETS);
    }

    @Override
    public List<Choice> choices(String key, String userId) {
        return IntStream.rangeClosed(1, 9).mapToObj(t -> new Choice(label(t), String.valueOf(t))).toList();
    }

    String label(int target) {
        return messages.getMessage("inspection.target.choice", new Object[] {target,
                messages.getMessage("inspection.target." + target, null, FORM_LOCALE)}, FORM_LOCALE);
    }
}
