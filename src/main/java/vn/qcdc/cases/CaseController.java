package vn.qcdc.cases;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.qcdc.platform.PlainText;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import vn.qcdc.identity.SystemAuthority;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.identity.Officer;
import vn.qcdc.identity.Officers;
import vn.qcdc.platform.Refusal;

/** The officers' case pages: the file, its documents, notes and history; the denouncer's identity only where the law allows. */
@Controller
class CaseController {

    static final int LIST_LIMIT = 500;
    static final int MAX_NOTE = 4000;

    private final CaseRepository cases;
    private final CaseProcessStart processStart;
    private final CaseNotes notes;
    private final CaseAttachments attachments;
    private final AttachmentChecker checker;
    private final CaseAccess access;
    private final Officers officers;
    private final IdentityVault vault;
    private final OrgUnitRepository units;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final MessageSource messages;
    private final CaseCodes codes;
    private final TrackingLock lock;
    private final TaskService taskService;

    CaseController(CaseRepository cases, CaseNotes notes, CaseAttachments attachments, AttachmentChecker checker,
            CaseAccess access, Officers officers, IdentityVault vault, OrgUnitRepository units, HistoryService historyService,
            IdentityService identityService, MessageSource messages, CaseCodes codes, TrackingLock lock,
            CaseProcessStart processStart, TaskService taskService) {
        this.taskService = taskService;
        this.processStart = processStart;
        this.codes = codes;
        this.lock = lock;
        this.cases = cases;
        this.notes = notes;
        this.attachments = attachments;
        this.checker = checker;
        this.access = access;
        this.officers = officers;
        this.vault = vault;
        this.units = units;
        this.historyService = historyService;
        this.identityService = identityService;
        this.messages = messages;
    }

    @GetMapping("/cases")
    String list(Authentication user, Model model) {
        model.addAttribute("cases", visible(officers.of(user.getName())));
        return "cases/list";
    }

    @GetMapping("/cases/{code}")
    String detail(@PathVariable String code, Authentication user, Model model) {
        Officer reader = officers.of(user.getName());
        CitizenCase c = readable(code, reader);
        model.addAttribute("c", c);
        model.addAttribute("unitName", units.find(c.unitCode()).map(u -> u.name()).orElse(c.unitCode()));
        model.addAttribute("notes", notes.of(c.id()));
        model.addAttribute("attachments", attachments.of(c.id()));
        model.addAttribute("noteKind", access.noteKindFor(reader, c));
        model.addAttribute("canUpload", access.canUpload(reader, c));
        model.addAttribute("canSeeIdentity", access.canSeeIdentity(reader, c));
        model.addAttribute("canIssueReceipt", access.canIssueReceipt(reader, c));
        model.addAttribute("timeline", timeline(c));
        model.addAttribute("continuationGrounds", cases.continuationGrounds(c.id()).map(g -> List.of(g.split(",")))
                .orElse(null));
        // the case's open tasks this officer may work on (the request's engine authentication decides), each a link
        model.addAttribute("openTasks", taskService.createTaskQuery().processInstanceBusinessKey(c.trackingCode())
                .orderByDueDate().asc().list());
        model.addAttribute("startFailed", CaseTracking.awaitingRouting(c) && processStart.failedStarts().contains(c.id()));
        return "cases/detail";
    }

    /** A deliberate, recorded act: the identity is shown on this response only. */
    @PostMapping("/cases/{code}/identity")
    String identity(@PathVariable String code, Authentication user, Model model) {
        Officer reader = officers.of(user.getName());
        CitizenCase c = readable(code, reader);
        if (!access.canSeeIdentity(reader, c)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("identity", vault.read(c.id(), reader.userId(), "xem trên trang hồ sơ").orElse(null));
        model.addAttribute("accessLog", vault.accessLog(c.id()));
        return detail(code, user, model);
    }

    /**
     * The printable receipt for a case recorded at the counter, by phone or from the box. The PIN is
     * kept only as a hash, so printing issues a new one; an earlier receipt's PIN stops working.
     */
    @PostMapping("/cases/{code}/receipt")
    String receipt(@PathVariable String code, Authentication user, Model model) {
        Officer reader = officers.of(user.getName());
        CitizenCase c = readable(code, reader);
        if (!access.canIssueReceipt(reader, c)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String pin = codes.newPin();
        cases.updatePinHash(c.id(), codes.pinHash(c.trackingCode(), pin));
        lock.newPin(c.trackingCode());
        model.addAttribute("c", c);
        model.addAttribute("pin", pin);
        model.addAttribute("unitName", units.find(c.unitCode()).map(u -> u.name()).orElse(c.unitCode()));
        return "cases/receipt";
    }

    @PostMapping("/cases/{code}/notes")
    String addNote(@PathVariable String code, @RequestParam(defaultValue = "") String text, Authentication user,
            RedirectAttributes redirect) {
        Officer reader = officers.of(user.getName());
        CitizenCase c = readable(code, reader);
        CaseNotes.Visibility kind = access.noteKindFor(reader, c);
        if (kind == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (text.isBlank() || text.length() > MAX_NOTE || PlainText.hasControlCharacters(text)) {
            redirect.addFlashAttribute("refusal", "cases.note.invalid");
        } else {
            notes.add(c.id(), kind, reader.userId(), text.trim());
            redirect.addFlashAttribute("saved", "cases.note.saved");
        }
        return "redirect:/cases/" + c.trackingCode();
    }

    @PostMapping("/cases/{code}/attachments")
    String upload(@PathVariable String code, @RequestParam(required = false) List<MultipartFile> files, Authentication user,
            RedirectAttributes redirect, Locale locale) throws IOException {
        Officer reader = officers.of(user.getName());
        CitizenCase c = readable(code, reader);
        if (!access.canUpload(reader, c)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        List<Upload> uploads = new java.util.ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                uploads.add(new Upload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        List<Refusal.Problem> problems = new java.util.ArrayList<>();
        List<CheckedFile> checked = checker.check(uploads, problems);
        if (uploads.isEmpty()) {
            problems.add(new Refusal.Problem("attachments", "cases.attachment.none"));
        }
        if (problems.isEmpty()) {
            checked.forEach(f -> attachments.add(c.id(), f, reader.userId()));
            redirect.addFlashAttribute("saved", "cases.attachment.saved");
        } else {
            redirect.addFlashAttribute("problems", problems.stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), locale)).toList());
        }
        return "redirect:/cases/" + c.trackingCode();
    }

    @GetMapping("/cases/{code}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long id, Authentication user) {
        CitizenCase c = readable(code, officers.of(user.getName()));
        var meta = attachments.of(c.id()).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] data = attachments.content(c.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(meta.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(meta.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(data);
    }

    /** An export of the cases the user may read: no citizen's personal data, never a denouncer's identity. */
    @GetMapping(value = "/cases/export.csv")
    ResponseEntity<String> export(Authentication user, Locale locale) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("tracking_code", "kind", "channel", "unit_code", "title", "status", "received_at",
                    "statutory_deadline", "decision_at", "closed_at");
            for (CitizenCase c : visible(officers.of(user.getName()))) {
                csv.printRecord(java.util.stream.Stream.of(c.trackingCode(),
                        messages.getMessage(c.kind().messageKey(), null, locale), c.channel(), c.unitCode(), c.title(),
                        messages.getMessage(c.status().messageKey(), null, locale), c.receivedAt(), c.statutoryDeadline(),
                        c.decisionAt(), c.closedAt()).map(PlainText::spreadsheetSafe).toList());
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ho-so.csv\"").body("\uFEFF" + out);
    }

    private List<CitizenCase> visible(Officer reader) {
        if (reader.readsEverything()) {
            return cases.findByKinds(List.of(CaseKind.values()), LIST_LIMIT);
        }
        return cases.findByUnits(reader.units(), LIST_LIMIT);
    }

    private CitizenCase readable(String code, Officer reader) {
        CitizenCase c = cases.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!access.canRead(reader, c)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return c;
    }

    /** The steps of the case process and of the kind's process it called (both carry the tracking code). */
    private List<HistoricActivityInstance> timeline(CitizenCase c) {
        return SystemAuthority.call(identityService, () -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(c.trackingCode()).list().stream()
                .flatMap(pi -> historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list().stream())
                .filter(a -> a.getActivityName() != null && ("userTask".equals(a.getActivityType())
                        || "serviceTask".equals(a.getActivityType())))
                .sorted(java.util.Comparator.comparing(HistoricActivityInstance::getStartTime))
                .toList());
    }
}
