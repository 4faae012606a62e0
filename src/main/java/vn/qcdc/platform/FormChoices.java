package vn.qcdc.platform;

import java.util.List;
import java.util.Set;

/**
 * Choice lists that a Camunda Form names by its select's, tag list's or checklist's {@code valuesKey} and the server
 * fills in when the form is fetched (see {@link DeployedFormChoices}): start forms get no variables from Tasklist,
 * and a list of units or people should not be copied into every process instance either.
 */
public interface FormChoices {

    /** One option: what the officer reads, what the form submits. */
    record Choice(String label, String value) {
    }

    /** The {@code valuesKey}s this module answers. */
    Set<String> keys();

    /** The options of {@code key} for the signed-in officer (null when no one is signed in). */
    List<Choice> choices(String key, String userId);
}
