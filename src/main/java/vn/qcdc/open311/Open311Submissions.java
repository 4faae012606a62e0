package vn.qcdc.open311;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Receipt;
import vn.qcdc.cases.Submission;
import vn.qcdc.platform.Refusal;

/** POST requests: a GeoReport service request becomes a submission through the one intake of every channel. */
@Component
class Open311Submissions {

    static final int TITLE_LENGTH = 80;
    static final String UNIT_ATTRIBUTE = "unit_code";

    private final CaseIntake intake;
    private final Open311Catalogue catalogue;
    private final Open311Dates dates;
    private final MessageSource messages;

    Open311Submissions(CaseIntake intake, Open311Catalogue catalogue, Open311Dates dates, MessageSource messages) {
        this.intake = intake;
        this.catalogue = catalogue;
        this.dates = dates;
        this.messages = messages;
    }

    /** The form post as the standard sends it: flat fields, attributes as attribute[code]. */
    static GeoReport.NewRequest fromForm(Map<String, String> form) {
        Map<String, String> attribute = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("attribute[") && name.endsWith("]")) {
                attribute.put(name.substring("attribute[".length(), name.length() - 1), value);
            }
        });
        return new GeoReport.NewRequest(form.get("service_code"), form.get("description"), form.get("jurisdiction_id"),
                attribute, form.get("address_string"), form.get("lat"), form.get("long"), form.get("first_name"),
                form.get("last_name"), form.get("email"), form.get("phone"));
    }

    GeoReport.Created submit(GeoReport.NewRequest r, String idempotencyKey, Locale locale) {
        CaseKind kind = catalogue.kindOf(r.serviceCode());
        String description = blankToNull(r.description());
        String name = join(" ", r.lastName(), r.firstName());
        Receipt receipt = intake.submit(Submission.of(kind, Channel.OPEN311, unitCode(r), title(description), description,
                name, address(r), join(", ", r.phone(), r.email()), name == null, List.of(), idempotencyKey), "open311");
        String notice = receipt.nextDeadline() == null
                ? messages.getMessage("open311.notice", new Object[] {receipt.unitName()}, locale)
                : messages.getMessage("open311.notice.deadline",
                        new Object[] {receipt.unitName(), dates.day(receipt.nextDeadline())}, locale);
        return new GeoReport.Created(receipt.trackingCode(), notice, null, null, receipt.pin());
    }

    /** Our extension attribute[unit_code] first, else jurisdiction_id carries the unit code. */
    private static String unitCode(GeoReport.NewRequest r) {
        String fromAttribute = r.attribute() == null ? null : blankToNull(r.attribute().get(UNIT_ATTRIBUTE));
        return fromAttribute != null ? fromAttribute.trim() : r.jurisdictionId() == null ? null : r.jurisdictionId().trim();
    }

    /** The first 80 characters of the description, line breaks folded into spaces. */
    static String title(String description) {
        if (description == null) {
            return null;
        }
        String oneLine = description.strip().replaceAll("\\s+", " ");
        if (oneLine.codePointCount(0, oneLine.length()) <= TITLE_LENGTH) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, TITLE_LENGTH)).strip();
    }

    /** The address as given, with the coordinates when the client sent them (both must be numbers). */
    private static String address(GeoReport.NewRequest r) {
        String lat = blankToNull(r.lat());
        String lon = blankToNull(r.longitude());
        if (lat == null && lon == null) {
            return blankToNull(r.addressString());
        }
        if (!coordinate(lat, 90) || !coordinate(lon, 180)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "open311.location.invalid");
        }
        String point = lat.trim() + ", " + lon.trim();
        String address = blankToNull(r.addressString());
        return address == null ? point : address.strip() + " (" + point + ")";
    }

    private static boolean coordinate(String value, double max) {
        try {
            double d = Double.parseDouble(value == null ? "" : value.trim());
            return Double.isFinite(d) && Math.abs(d) <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String join(String separator, String... parts) {
        String joined = Stream.of(parts).map(Open311Submissions::blankToNull).filter(p -> p != null).map(String::strip)
                .collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
