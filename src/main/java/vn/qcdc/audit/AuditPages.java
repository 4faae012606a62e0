package vn.qcdc.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.qcdc.platform.Refusal;
import vn.qcdc.platform.TableExport;
import vn.qcdc.rules.DeadlineService;

/** The auditors' pages: search every process's history, one case's timeline, its attachments, exports. */
@Controller
class AuditPages {

    static final String[] COLUMNS = {"code", "process", "unit", "kind", "state", "started", "ended", "instance"};
    static final String[] TIMELINE_COLUMNS = {"code", "unit", "at", "type", "process", "what", "who", "detail", "on_time"};
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:\\-]{1,100}");

    private final AuditSearch search;
    private final AuditTimeline timeline;
    private final MessageSource messages;
    private final ZoneId zone;

    AuditPages(AuditSearch search, AuditTimeline timeline, MessageSource messages, DeadlineService deadlines) {
        this.search = search;
        this.timeline = timeline;
        this.messages = messages;
        this.zone = deadlines.zone();
    }

    @GetMapping("/audit")
    String search(@RequestParam Map<String, String> params, Authentication user, Model model) {
        AuditAccess.require(user);
        AuditFilter filter = AuditFilter.parse(params);
        fill(model, filter, search.page(filter));
        return "audit/search";
    }

    @GetMapping("/audit/export.csv")
    ResponseEntity<String> csv(@RequestParam Map<String, String> params, Authentication user, Locale locale)
            throws IOException {
        AuditAccess.require(user);
        return TableExport.csvDownload("kiem-tra.csv",
                TableExport.csv(header(locale), lines(search.all(AuditFilter.parse(params)), locale)));
    }

    @GetMapping("/audit/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam Map<String, String> params, Authentication user, Locale locale)
            throws IOException {
        AuditAccess.require(user);
        return TableExport.xlsxDownload("kiem-tra.xlsx",
                TableExport.xlsx("audit", header(locale), lines(search.all(AuditFilter.parse(params)), locale)));
    }

    @GetMapping("/audit/cases/{code}")
    String caseHistory(@PathVariable String code, Authentication user, Model model, Locale locale,
            HttpServletResponse response) {
        AuditAccess.require(user);
        return show(checked(code).flatMap(c -> timeline.ofCode(c, locale)), model, response);
    }

    /** The same timeline as a spreadsheet: one line per entry, oldest first, the case's code and unit on each. */
    @GetMapping("/audit/cases/{code}.csv")
    ResponseEntity<String> caseHistoryCsv(@PathVariable String code, Authentication user, Locale locale)
            throws IOException {
        AuditAccess.require(user);
        AuditTimeline.CaseHistory h = checked(code).flatMap(c -> timeline.ofCode(c, locale))
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "audit.refused.no-case"));
        String unit = h.caseFile() == null ? "" : h.caseFile().unitCode() + " " + h.unitName();
        List<List<Object>> lines = h.entries().stream().map(e -> Arrays.<Object>asList(h.code(), unit, time(e.at()),
                messages.getMessage("audit.type." + e.type().name().toLowerCase(Locale.ROOT), null, locale), e.process(),
                e.what(), e.who() == null ? "" : e.who(), e.detail(),
                e.onTime() == null ? "" : messages.getMessage(e.onTime() ? "audit.yes" : "audit.no", null, locale)))
                .toList();
        List<String> header = Arrays.stream(TIMELINE_COLUMNS)
                .map(c -> messages.getMessage("audit.csv." + c, null, c, locale)).toList();
        return TableExport.csvDownload("lich-su-" + h.code() + ".csv", TableExport.csv(header, lines));
    }

    @GetMapping("/audit/instances/{id}")
    String instanceHistory(@PathVariable String id, Authentication user, Model model, Locale locale,
            HttpServletResponse response) {
        AuditAccess.require(user);
        return show(checked(id).flatMap(i -> timeline.ofInstance(i, locale)), model, response);
    }

    /** The instance's BPMN with the number of times each element was passed: the viewer highlights the path. */
    @GetMapping(value = "/audit/instances/{id}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuditTimeline.Diagram> diagram(@PathVariable String id, Authentication user) {
        AuditAccess.require(user);
        return checked(id).flatMap(timeline::diagram).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** An attachment of the case, for the auditor to read; each download is recorded and shows in the timeline. */
    @GetMapping("/audit/cases/{code}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable String id, Authentication user) {
        AuditAccess.require(user);
        if (!id.matches("[0-9]{1,18}")) {
            throw new Refusal(HttpStatus.NOT_FOUND, "audit.refused.attachment");
        }
        var file = checked(code).flatMap(c -> timeline.download(c, Long.parseLong(id), user.getName()))
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "audit.refused.attachment"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.meta().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.meta().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(file.data());
    }

    private String show(java.util.Optional<AuditTimeline.CaseHistory> found, Model model, HttpServletResponse response) {
        if (found.isEmpty()) {
            throw new Refusal(HttpStatus.NOT_FOUND, "audit.refused.no-case");
        }
        model.addAttribute("h", found.get());
        model.addAttribute("zone", zone);
        return "audit/case";
    }

    private static java.util.Optional<String> checked(String code) {
        return CODE.matcher(code).matches() ? java.util.Optional.of(code) : java.util.Optional.empty();
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, Authentication user, Model model, Locale locale, HttpServletResponse response) {
        AuditAccess.require(user);
        response.setStatus(refusal.status().value());
        AuditFilter filter = AuditFilter.none();
        fill(model, filter, new AuditSearch.Page(List.of(), 0, 0, filter.size()));
        model.addAttribute("error", refusal.text(messages, locale));
        return "audit/search";
    }

    private void fill(Model model, AuditFilter filter, AuditSearch.Page page) {
        model.addAttribute("filter", filter);
        model.addAttribute("params", filter.params());
        model.addAttribute("page", page);
        model.addAttribute("processes", search.processes());
        model.addAttribute("zone", zone);
    }

    private List<String> header(Locale locale) {
        return Arrays.stream(COLUMNS).map(c -> messages.getMessage("audit.col." + c, null, c, locale)).toList();
    }

    private List<List<Object>> lines(List<AuditSearch.Row> rows, Locale locale) {
        return rows.stream().map(r -> Arrays.<Object>asList(r.businessKey(), r.processName(),
                r.unitCode() == null ? "" : r.unitCode() + " " + r.unitName(),
                r.kind() == null ? "" : messages.getMessage("case.kind." + r.kind(), null, r.kind(), locale),
                messages.getMessage("audit.state." + r.state(), null, r.state(), locale), time(r.startedAt()),
                time(r.endedAt()), r.instanceId())).toList();
    }

    private String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").format(instant.atZone(zone));
    }
}
