package vn.qcdc.open311;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.qcdc.organization.OrgUnit;
import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseNotes;
import vn.qcdc.cases.PublicCases;
import vn.qcdc.cases.PublicCases.PublicCase;

/** The public face of cases for GET requests: only the kinds of {@link Open311Catalogue#PUBLISHED}, redacted. */
@Component
class Open311Requests {

    static final int MAX_RESULTS = 1000;

    /** Which requests to list; null means no filter. */
    record Query(List<String> codes, List<CaseKind> kinds, Boolean open, Instant from, Instant to) {
    }

    private final PublicCases cases;
    private final CaseNotes notes;
    private final OrgUnitRepository units;
    private final Open311Catalogue catalogue;
    private final Open311Dates dates;

    Open311Requests(PublicCases cases, CaseNotes notes, OrgUnitRepository units, Open311Catalogue catalogue,
            Open311Dates dates) {
        this.cases = cases;
        this.notes = notes;
        this.units = units;
        this.catalogue = catalogue;
        this.dates = dates;
    }

    Optional<GeoReport.Request> find(String trackingCode, Locale locale) {
        return cases.find(trackingCode, Open311Catalogue.PUBLISHED).map(c -> view(c, locale, new HashMap<>()));
    }

    List<GeoReport.Request> list(Query q, Locale locale) {
        List<CaseKind> kinds = q.kinds() == null ? Open311Catalogue.PUBLISHED
                : q.kinds().stream().filter(Open311Catalogue.PUBLISHED::contains).toList();
        Map<String, String> unitNames = new HashMap<>();
        return cases.list(new PublicCases.Query(q.codes(), kinds, q.open(), q.from(), q.to(), MAX_RESULTS)).stream()
                .map(c -> view(c, locale, unitNames)).toList();
    }

    private GeoReport.Request view(PublicCase c, Locale locale, Map<String, String> unitNames) {
        List<CaseNotes.Note> publicNotes = notes.publicOf(c.id());
        String statusNotes = publicNotes.isEmpty() ? null
                : PublishedText.redact(publicNotes.get(publicNotes.size() - 1).text());
        String agency = unitNames.computeIfAbsent(c.unitCode(),
                code -> units.find(code).map(OrgUnit::name).orElse(code));
        Instant updated = Stream.of(c.receivedAt(), c.decisionAt(), c.closedAt())
                .filter(i -> i != null).max(Instant::compareTo).orElse(c.receivedAt());
        Instant expected = c.statutoryDeadline() != null ? c.statutoryDeadline() : c.nextDeadline();
        return new GeoReport.Request(c.trackingCode(), c.status().finished() ? "closed" : "open", statusNotes,
                catalogue.serviceName(c.kind(), locale), c.kind().name(), PublishedText.redact(c.content()), agency,
                dates.format(c.receivedAt()), dates.format(updated), dates.format(expected));
    }
}
