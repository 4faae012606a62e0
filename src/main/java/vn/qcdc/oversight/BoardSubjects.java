package vn.qcdc.oversight;

import org.springframework.stereotype.Component;

import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.CitizenCase;

/** What a process tree is about, by its business key: a citizen's case has a kind and a title. */
@Component
class BoardSubjects {

    record Subject(String kind, String title) {
    }

    private final CaseRepository cases;

    BoardSubjects(CaseRepository cases) {
        this.cases = cases;
    }

    Subject of(String businessKey) {
        if (businessKey == null || businessKey.length() > 20) {
            return null;
        }
        return cases.findByCode(businessKey).map(BoardSubjects::subject).orElse(null);
    }

    /** A denunciation's title is the denouncer's own words and may name them: the board never carries it. */
    private static Subject subject(CitizenCase c) {
        return new Subject(c.kind().name(), c.kind() == CaseKind.DENUNCIATION ? null : c.title());
    }
}
