package vn.qcdc.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The portal's full address as receipts print it: the configured one, else the request's if it is a plain host. */
class PublicAddressTest {

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static void requestTo(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/receipt/x");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void theConfiguredAddressWinsWhateverTheRequest() {
        requestTo("http", "10.0.0.7", 8080);
        assertThat(new PublicAddress("https://qcdc.cantho.gov.vn/").of("/portal/track"))
                .isEqualTo("https://qcdc.cantho.gov.vn/portal/track");
        assertThat(new PublicAddress(" https://cantho.gov.vn/qcdc ").of("/portal/track"))
                .isEqualTo("https://cantho.gov.vn/qcdc/portal/track");
    }

    @Test
    void withoutASettingTheAddressTheRequestCameTo() {
        requestTo("https", "qcdc.haugiang.gov.vn", 443);
        assertThat(new PublicAddress("").of("/portal/track")).isEqualTo("https://qcdc.haugiang.gov.vn/portal/track");
        requestTo("http", "localhost", 8080);
        assertThat(new PublicAddress("").of("/portal/track")).isEqualTo("http://localhost:8080/portal/track");
    }

    @Test
    void aHostThatIsNoPlainNameIsNeverPrinted() {
        requestTo("http", "evil.example\"><script>", 80);
        assertThat(new PublicAddress("").of("/portal/track")).isEqualTo("/portal/track");
        RequestContextHolder.resetRequestAttributes();
        assertThat(new PublicAddress("").of("/portal/track")).as("outside a request").isEqualTo("/portal/track");
    }

    @Test
    void aSettingThatIsNoFullAddressStopsTheStart() {
        assertThatThrownBy(() -> new PublicAddress("qcdc.cantho.gov.vn")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qcdc.portal.public-url");
        assertThatThrownBy(() -> new PublicAddress("ftp://qcdc.cantho.gov.vn")).isInstanceOf(IllegalStateException.class);
    }
}
