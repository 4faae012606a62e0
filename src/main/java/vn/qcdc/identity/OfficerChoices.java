package vn.qcdc.identity;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.qcdc.platform.FormChoices;

/** The people a form offers by role: name and user id shown, the user id submitted. */
@Component
class OfficerChoices implements FormChoices {

    static final String INSPECTORS = "inspectors";

    private final Officers officers;

    OfficerChoices(@Lazy Officers officers) {
        this.officers = officers;
    }

    @Override
    public Set<String> keys() {
        return Set.of(INSPECTORS);
    }

    @Override
    public List<Choice> choices(String key, String userId) {
        if (userId == null) {
            return List.of();
        }
        return officers.withRole(Role.INSPECTOR).stream()
                .map(p -> new Choice(p.name() + " (" + p.userId() + ")", p.userId())).toList();
    }
}
