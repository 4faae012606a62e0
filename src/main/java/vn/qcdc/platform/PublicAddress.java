package vn.qcdc.platform;

import java.net.URI;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The system's full public address, as printed on paper a citizen takes home ("https://…/portal/track"): the
 * setting {@code qcdc.portal.public-url} (QCDC_PUBLIC_URL) where set, else the address the current request came to
 * (its scheme, host and port; behind the production proxy its forwarded ones), if that is a plain host name.
 */
@Component("publicAddress")
public class PublicAddress {

    /** A host a browser may show: letters, digits, dots and hyphens, an optional port; never what a header smuggles. */
    private static final Pattern PLAIN_HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?");

    private final String configured;

    PublicAddress(@Value("${qcdc.portal.public-url:}") String configured) {
        String url = configured == null ? "" : configured.trim();
        if (!url.isEmpty()) {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalStateException("qcdc.portal.public-url phải là địa chỉ http(s) đầy đủ, ví dụ "
                        + "https://qcdc.cantho.gov.vn (đang là '" + url + "').");
            }
        }
        this.configured = url.replaceAll("/+$", "");
    }

    /** The full address of a path of ours ("/portal/track"). */
    public String of(String path) {
        return base() + path;
    }

    private String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        try {
            var here = ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build();
            String host = here.getHost() + (here.getPort() > 0 ? ":" + here.getPort() : "");
            if (PLAIN_HOST.matcher(host).matches()) {
                String path = here.getPath() == null ? "" : here.getPath().replaceAll("/+$", "");
                return here.getScheme() + "://" + host + path;
            }
        } catch (IllegalStateException e) {
            // outside a request
        }
        return "";
    }
}
