package vn.qcdc.open311;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.qcdc.cases.CaseKind;
import vn.qcdc.platform.Refusal;

/**
 * The kinds of case Open311 offers. Denunciations are never among them, anywhere in Open311: the Law on
 * Denunciations keeps a denouncer's identity and the denunciation itself confidential.
 */
@Component
class Open311Catalogue {

    /** Everything Open311 lists, accepts and publishes; DENUNCIATION is deliberately absent. */
    static final List<CaseKind> PUBLISHED = List.of(CaseKind.PETITION, CaseKind.COMPLAINT, CaseKind.ANONYMOUS_INFO);

    private final MessageSource messages;

    Open311Catalogue(MessageSource messages) {
        this.messages = messages;
    }

    List<GeoReport.Service> services(Locale locale) {
        return PUBLISHED.stream().map(kind -> new GeoReport.Service(kind.name(), serviceName(kind, locale),
                messages.getMessage(kind.messageKey() + ".help", null, locale), false, "realtime",
                messages.getMessage("open311.keywords." + kind.name(), null, locale),
                messages.getMessage("open311.group", null, locale))).toList();
    }

    String serviceName(CaseKind kind, Locale locale) {
        return messages.getMessage(kind.messageKey(), null, locale);
    }

    /** The kind a client asks for; a denunciation or an unknown code is refused before anything is created. */
    CaseKind kindOf(String serviceCode) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "open311.service.required");
        }
        String code = serviceCode.trim().toUpperCase(Locale.ROOT);
        if (code.equals(CaseKind.DENUNCIATION.name())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "open311.service.denunciation");
        }
        return PUBLISHED.stream().filter(k -> k.name().equals(code)).findFirst()
                .orElseThrow(() -> new Refusal(HttpStatus.BAD_REQUEST, "open311.service.unknown", serviceCode.trim()));
    }
}
