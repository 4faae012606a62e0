package vn.qcdc.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.qcdc.cases.CaseAttachments;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseNotes;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.CitizenCase;
import vn.qcdc.cases.IdentityVault;
import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.organization.UnitTree;
import vn.qcdc.rules.DeadlineService;

/**
 * One case's whole history, oldest first, across its tree of processes (the intake, the handling process it
 * called, the follow-ups and escalations inside them): every query is by process instance id, root process
 * instance id, business key or task id, each served by the engine's own index on that column. A denouncer's
 * identity never appears: it is never in the engine, and any variable named for a citizen's identity is masked.
 */
@Component
class AuditTimeline {

    /** Variables that would name a citizen: never shown on the audit pages. */
    static final Set<String> IDENTITY_VARIABLES = Set.of("citizenname", "citizenaddress", "citizencontact");
    static final String MASKED = "audit.masked";
    private static final int MAX_VALUE = 300;

    enum Type { PROCESS, ACTIVITY, TASK, VARIABLE, DECISION, TIMER, INCIDENT, OPERATION, COMMENT, NOTE, ATTACHMENT, IDENTITY, DOWNLOAD }

    /** One thing that happened. {@code onTime} is set for a completed task with a due date. */
    record Entry(Instant at, Type type, String process, String what, String who, String detail, Boolean onTime) {
    }

    /** The task of a user-task activity, as the timeline and the diagram read it. */
    record Step(String name, String assignee, Set<String> candidateGroups, Instant due, Instant ended) {
    }

    record CaseHistory(String code, CitizenCase caseFile, String unitName, boolean denunciation,
            List<HistoricProcessInstance> instances, List<Entry> entries, List<CaseAttachments.Attachment> attachments) {
    }

    private final HistoryService history;
    private final org.camunda.bpm.engine.RepositoryService repository;
    private final TaskService tasks;
    private final IdentityService identity;
    private final CaseRepository cases;
    private final CaseNotes notes;
    private final CaseAttachments attachments;
    private final IdentityVault vault;
    private final AuditDownloads downloads;
    private final AuditSearch search;
    private final UnitTree units;
    private final MessageSource messages;
    private final ZoneId zone;

    AuditTimeline(HistoryService history, org.camunda.bpm.engine.RepositoryService repository, TaskService tasks, IdentityService identity, CaseRepository cases,
            CaseNotes notes, CaseAttachments attachments, IdentityVault vault, AuditDownloads downloads,
            AuditSearch search, UnitTree units, MessageSource messages, DeadlineService deadlines) {
        this.history = history;
        this.repository = repository;
        this.tasks = tasks;
        this.identity = identity;
        this.cases = cases;
        this.notes = notes;
        this.attachments = attachments;
        this.vault = vault;
        this.downloads = downloads;
        this.search = search;
        this.units = units;
        this.messages = messages;
        this.zone = deadlines.zone();
    }

    /** The history of the case with this tracking code (or business key), empty when nothing carries it. */
    Optional<CaseHistory> ofCode(String code, Locale locale) {
        return SystemAuthority.call(identity, () -> {
            Set<String> roots = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list()
                    .stream().map(HistoricProcessInstance::getRootProcessInstanceId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Optional<CitizenCase> file = cases.findByCode(code);
            if (roots.isEmpty() && file.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(build(code, file.orElse(null), roots, locale));
        });
    }

    /** The history of the process tree this instance belongs to. */
    Optional<CaseHistory> ofInstance(String instanceId, Locale locale) {
        return SystemAuthority.call(identity, () -> {
            HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                    .singleResult();
            if (pi == null) {
                return Optional.empty();
            }
            String code = pi.getBusinessKey();
            CitizenCase file = code == null ? null : cases.findByCode(code).orElse(null);
            return Optional.of(build(code, file, Set.of(pi.getRootProcessInstanceId()), locale));
        });
    }

    /** The attachment's bytes, the download recorded first; empty when the case holds no such attachment. */
    Optional<Download> download(String code, long attachmentId, String auditor) {
        CitizenCase c = cases.findByCode(code).orElse(null);
        if (c == null) {
            return Optional.empty();
        }
        Optional<CaseAttachments.Attachment> meta = attachments.of(c.id()).stream().filter(a -> a.id() == attachmentId)
                .findFirst();
        Optional<byte[]> data = meta.isEmpty() ? Optional.empty() : attachments.content(c.id(), attachmentId);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        downloads.record(code, attachmentId, meta.get().fileName(), auditor);
        return Optional.of(new Download(meta.get(), data.get()));
    }

    record Download(CaseAttachments.Attachment meta, byte[] data) {
    }

    /** A process instance's BPMN and how many times each of its elements was passed, for the diagram. */
    record Diagram(String xml, Map<String, Long> counts) {
    }

    Optional<Diagram> diagram(String instanceId) {
        return SystemAuthority.call(identity, () -> {
            HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                    .singleResult();
            if (pi == null) {
                return Optional.empty();
            }
            Map<String, Long> counts = history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                    .list().stream().collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId,
                            java.util.TreeMap::new, Collectors.counting()));
            try (java.io.InputStream bpmn = repository.getProcessModel(pi.getProcessDefinitionId())) {
                return Optional.of(new Diagram(new String(bpmn.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                        counts));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private CaseHistory build(String code, CitizenCase file, Set<String> roots, Locale locale) {
        List<HistoricProcessInstance> instances = new ArrayList<>();
        for (String root : roots) {
            instances.addAll(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root)
                    .orderByProcessInstanceStartTime().asc().list());
        }
        List<Entry> entries = new ArrayList<>();
        for (HistoricProcessInstance pi : instances) {
            instance(pi, entries, locale);
        }
        List<CaseAttachments.Attachment> files = List.of();
        boolean denunciation = file != null && file.kind() == CaseKind.DENUNCIATION;
        if (file != null) {
            caseFile(file, entries, locale);
            files = attachments.of(file.id());
        }
        if (code != null) {
            for (AuditDownloads.Record d : downloads.of(code)) {
                entries.add(new Entry(d.at(), Type.DOWNLOAD, "", d.fileName(), d.auditor(), "", null));
            }
        }
        // oldest first; what happened at the same moment keeps the order it was read in
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        String unitName = file == null ? null : units.current().names().getOrDefault(file.unitCode(), file.unitCode());
        return new CaseHistory(code, file, unitName, denunciation, instances, sorted, files);
    }

    private void instance(HistoricProcessInstance pi, List<Entry> entries, Locale locale) {
        String id = pi.getId();
        String process = search.definitionName(pi.getProcessDefinitionId());
        entries.add(new Entry(instant(pi.getStartTime()), Type.PROCESS, process,
                text("audit.process.started", locale, process), pi.getStartUserId(), id, null));
        if (pi.getEndTime() != null) {
            entries.add(new Entry(instant(pi.getEndTime()), Type.PROCESS, process,
                    text("audit.process.ended", locale, process, text("audit.state." + pi.getState(), locale)), null,
                    pi.getDeleteReason() == null ? "" : pi.getDeleteReason(), null));
        }

        Map<String, HistoricTaskInstance> taskById = new HashMap<>();
        Map<String, HistoricTaskInstance> taskByActivity = new HashMap<>();
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(id).list()) {
            taskById.put(t.getId(), t);
            taskByActivity.put(t.getActivityInstanceId(), t);
        }
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(id)
                .orderPartiallyByOccurrence().asc().list()) {
            String name = a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
            HistoricTaskInstance task = taskByActivity.get(a.getId());
            if (task != null) {
                task(task, name, process, entries, locale);
                continue;
            }
            String type = a.getActivityType();
            entries.add(new Entry(instant(a.getStartTime()), Type.ACTIVITY, process,
                    text("audit.activity.started", locale, name), null, type, null));
            if (a.getEndTime() != null && !a.getEndTime().equals(a.getStartTime())) {
                entries.add(new Entry(instant(a.getEndTime()), Type.ACTIVITY, process,
                        text(a.isCanceled() ? "audit.activity.cancelled" : "audit.activity.ended", locale, name), null,
                        type, null));
            }
        }

        Map<String, UserOperationLogEntry> operations = new LinkedHashMap<>();
        Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
        for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(id)
                .orderByTimestamp().asc().list()) {
            operations.putIfAbsent(op.getOperationId(), op);
            byOperation.computeIfAbsent(op.getOperationId(), k -> new ArrayList<>()).add(op);
        }
        variables(id, process, taskById, operations, entries, locale);
        for (List<UserOperationLogEntry> ops : byOperation.values()) {
            UserOperationLogEntry first = ops.get(0);
            String changes = ops.stream().filter(o -> o.getProperty() != null)
                    .map(o -> o.getProperty() + ": " + shown(o.getOrgValue()) + " → " + shown(o.getNewValue()))
                    .collect(Collectors.joining("; "));
            String target = first.getTaskId() != null && taskById.containsKey(first.getTaskId())
                    ? taskById.get(first.getTaskId()).getName() : first.getEntityType();
            entries.add(new Entry(instant(first.getTimestamp()), Type.OPERATION, process,
                    first.getOperationType() + " · " + target, first.getUserId(), changes, null));
        }

        for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery().processInstanceId(id)
                .includeInputs().includeOutputs().list()) {
            String inputs = d.getInputs().stream().map(i -> label(i.getClauseName(), i.getClauseId()) + " = "
                    + value(i.getValue())).collect(Collectors.joining("; "));
            String outputs = d.getOutputs().stream().map(o -> label(o.getClauseName(), o.getVariableName()) + " = "
                    + value(o.getValue())).collect(Collectors.joining("; "));
            entries.add(new Entry(instant(d.getEvaluationTime()), Type.DECISION, process,
                    text("audit.decision", locale, label(d.getDecisionDefinitionName(), d.getDecisionDefinitionKey())),
                    d.getUserId(), text("audit.decision.detail", locale, inputs, outputs), null));
        }
        for (HistoricJobLog job : history.createHistoricJobLogQuery().processInstanceId(id).successLog().list()) {
            if (job.getJobDefinitionType() != null && job.getJobDefinitionType().startsWith("timer")) {
                entries.add(new Entry(instant(job.getTimestamp()), Type.TIMER, process,
                        text("audit.timer", locale, job.getActivityId()), null, job.getJobDefinitionConfiguration(), null));
            }
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(id).list()) {
            entries.add(new Entry(instant(incident.getCreateTime()), Type.INCIDENT, process,
                    text("audit.incident", locale, incident.getIncidentType(), incident.getActivityId()), null,
                    shown(incident.getIncidentMessage()) + (incident.getEndTime() == null ? ""
                            : " · " + text("audit.incident.resolved", locale, time(instant(incident.getEndTime())))),
                    null));
        }
        for (Comment comment : tasks.getProcessInstanceComments(id)) {
            entries.add(new Entry(instant(comment.getTime()), Type.COMMENT, process, text("audit.comment", locale),
                    comment.getUserId(), shown(comment.getFullMessage()), null));
        }
    }

    private void task(HistoricTaskInstance task, String name, String process, List<Entry> entries, Locale locale) {
        Set<String> groups = new LinkedHashSet<>();
        for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        Instant due = instant(task.getDueDate());
        Instant ended = instant(task.getEndTime());
        String dueText = due == null ? "" : text("audit.task.due", locale, time(due));
        entries.add(new Entry(instant(task.getStartTime()), Type.TASK, process,
                text("audit.task.created", locale, name), null,
                String.join(", ", groups) + (dueText.isEmpty() ? "" : " · " + dueText), null));
        if (ended != null) {
            boolean completed = "completed".equals(task.getDeleteReason());
            Boolean onTime = due == null || !completed ? null : !ended.isAfter(due);
            entries.add(new Entry(ended, Type.TASK, process,
                    text(completed ? "audit.task.completed" : "audit.task.ended", locale, name), task.getAssignee(),
                    onTime == null ? dueText : text(onTime ? "audit.task.on-time" : "audit.task.late", locale, time(due)),
                    onTime));
        }
    }

    private void variables(String instanceId, String process, Map<String, HistoricTaskInstance> taskById,
            Map<String, UserOperationLogEntry> operations, List<Entry> entries, Locale locale) {
        Map<String, String> last = new HashMap<>();
        for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates()
                .disableBinaryFetching().orderPartiallyByOccurrence().asc().list()) {
            if (!(detail instanceof HistoricVariableUpdate update)) {
                continue;
            }
            String name = update.getVariableName();
            String now = masked(name) ? text(MASKED, locale) : value(update.getValue());
            String before = last.put(update.getVariableInstanceId(), now);
            String who = null;
            if (update.getUserOperationId() != null && operations.containsKey(update.getUserOperationId())) {
                who = operations.get(update.getUserOperationId()).getUserId();
            } else if (update.getTaskId() != null && taskById.containsKey(update.getTaskId())) {
                who = taskById.get(update.getTaskId()).getAssignee();
            }
            entries.add(new Entry(instant(update.getTime()), Type.VARIABLE, process, name, who,
                    (before == null ? "∅" : before) + " → " + now, null));
        }
    }

    private void caseFile(CitizenCase file, List<Entry> entries, Locale locale) {
        for (CaseNotes.Note note : notes.of(file.id())) {
            entries.add(new Entry(note.createdAt(), Type.NOTE, "",
                    text("audit.note." + note.visibility().name(), locale), note.author(), shown(note.text()), null));
        }
        for (CaseAttachments.Attachment a : attachments.of(file.id())) {
            entries.add(new Entry(a.uploadedAt(), Type.ATTACHMENT, "", a.fileName(), a.uploadedBy(),
                    a.contentType() + " · " + a.sizeBytes() + " B", null));
        }
        for (IdentityVault.Access access : vault.accessLog(file.id())) {
            entries.add(new Entry(access.accessedAt(), Type.IDENTITY, "", text("audit.identity.read", locale),
                    access.accessedBy(), access.purpose(), null));
        }
    }

    static boolean masked(String variableName) {
        String lower = variableName == null ? "" : variableName.toLowerCase(Locale.ROOT);
        return IDENTITY_VARIABLES.contains(lower) || lower.contains("denouncer");
    }

    private String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Date d) {
            return time(d.toInstant());
        }
        return shown(value.toString());
    }

    private static String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
    }

    private static String label(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    String time(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").format(at.atZone(zone));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
