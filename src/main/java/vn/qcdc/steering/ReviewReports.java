package vn.qcdc.steering;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.qcdc.identity.Role;
import vn.qcdc.identity.SystemAuthority;
import org.springframework.http.HttpStatus;
import vn.qcdc.platform.Refusal;

/** A unit's report (figures and narrative per target) and the consolidation up the tree of the review's units. */
@Service
class ReviewReports {

    /** The raw form input of one target. */
    record SectionInput(int target, String numerator, String denominator, String narrative, String evidence) {
    }

    private final ReviewStore store;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Clock clock;

    ReviewReports(ReviewStore store, TaskService tasks, IdentityService identity, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.identity = identity;
        this.clock = clock;
    }

    /** Validates everything first; then saves, submits and completes the unit's task. Refusals change nothing. */
    @Transactional
    void submit(long reviewId, String unitCode, String userId, java.util.Set<String> groups, List<SectionInput> input) {
        ReviewStore.Review review = store.review(reviewId).orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "steering.error.not-found"));
        ReviewStore.Report report = store.report(reviewId, unitCode)
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "steering.error.not-found"));
        if (!groups.contains(Role.STEERING_SECRETARY.groupOf(unitCode))) {
            throw new Refusal(HttpStatus.FORBIDDEN, "steering.error.not-your-unit");
        }
        if (review.status() != ReviewStore.Review.Status.COLLECTING || report.status() != ReviewStore.Report.Status.DRAFT) {
            throw new Refusal(HttpStatus.CONFLICT, "steering.error.closed");
        }
        List<ReviewStore.Section> sections = new ArrayList<>();
        for (SectionInput in : input) {
            if (in.target() < 1 || in.target() > 9) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "steering.error.target");
            }
            Integer num = figure(in.numerator());
            Integer den = figure(in.denominator());
            if ((num == null) != (den == null)) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "steering.error.figure-pair");
            }
            if (num != null && num > den) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "steering.error.figure-above");
            }
            String narrative = vn.qcdc.platform.FormValues.text(in.narrative());
            String evidence = vn.qcdc.platform.FormValues.text(in.evidence());
            if (narrative.length() > 4000 || evidence.length() > 2000) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "steering.error.too-long");
            }
            if (num != null || !narrative.isEmpty() || !evidence.isEmpty()) {
                sections.add(new ReviewStore.Section(in.target(), num, den, narrative, evidence));
            }
        }
        if (sections.isEmpty()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "steering.error.empty");
        }
        Task task = SystemAuthority.call(identity, () -> tasks.createTaskQuery().processVariableValueEquals("reviewId", reviewId)
                .taskDefinitionKey("submit-report").taskCandidateGroup(Role.STEERING_SECRETARY.groupOf(unitCode)).singleResult());
        if (task == null) {
            throw new Refusal(HttpStatus.CONFLICT, "steering.error.closed");
        }
        store.saveSections(report.id(), sections);
        store.submit(report.id(), userId, clock.instant());
        SystemAuthority.call(identity, () -> {
            tasks.complete(task.getId());
            return null;
        });
    }

    private static Integer figure(String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (!s.matches("\\d{1,9}")) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "steering.error.figure");
        }
        return Integer.valueOf(s);
    }

    /** Consolidated figures of a unit: its own submitted figures plus its reporting children's, summed down the tree. */
    Map<Integer, long[]> consolidated(long reviewId, String unitCode) {
        List<ReviewStore.Report> reports = store.reports(reviewId);
        Map<Integer, long[]> sums = new LinkedHashMap<>();
        for (int t = 1; t <= 9; t++) {
            sums.put(t, new long[2]);
        }
        add(reports, unitCode, sums, new java.util.HashSet<>());
        return sums;
    }

    private void add(List<ReviewStore.Report> reports, String unitCode, Map<Integer, long[]> sums, java.util.Set<String> seen) {
        if (!seen.add(unitCode)) {
            return;
        }
        for (ReviewStore.Report r : reports) {
            if (r.unitCode().equals(unitCode) && r.status() != ReviewStore.Report.Status.DRAFT) {
                store.sections(r.id()).values().stream().filter(s -> s.numerator() != null).forEach(s -> {
                    sums.get(s.target())[0] += s.numerator();
                    sums.get(s.target())[1] += s.denominator();
                });
            }
            if (unitCode.equals(r.parentCode())) {
                add(reports, r.unitCode(), sums, seen);
            }
        }
    }
}
