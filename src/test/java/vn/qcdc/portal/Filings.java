package vn.qcdc.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import vn.qcdc.support.DemoUsers;

/** What the portal tests file: a valid petition to change as each test needs, a real small photo. */
final class Filings {

    record Issued(String code, String pin, String receiptPath, String receiptPage, String cacheControl) {
    }

    static final Pattern CODE = Pattern.compile("id=\"receipt-code\">([A-Z0-9-]+)<");
    static final Pattern PIN = Pattern.compile("id=\"receipt-pin\">(\\d{6})<");

    private Filings() {
    }

    static Map<String, String> petition() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "PETITION");
        fields.put("unitQuery", "Phường I");
        fields.put("unitCode", DemoUsers.COMMUNE_A);
        fields.put("title", "Đèn đường khu vực 2 hỏng");
        fields.put("content", "Đèn đường trên đường Trần Hưng Đạo, khu vực 2, đã hỏng hai tuần, buổi tối rất tối.");
        fields.put("citizenName", "Nguyễn Văn An");
        fields.put("citizenAddress", "12 Trần Hưng Đạo, Phường I, TP Vị Thanh");
        fields.put("citizenContact", "0912345678");
        return fields;
    }

    static Map<String, String> petitionWith(String... keyValues) {
        Map<String, String> fields = petition();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return fields;
    }

    static PortalSession.FilePart photo() {
        return new PortalSession.FilePart("attachments", "anh-hien-truong.png", "image/png", png());
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(5, 5, 30, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Files the case and opens the receipt the way a browser follows the redirect. */
    static Issued file(PortalSession session, Map<String, String> fields, PortalSession.FilePart... files) {
        HttpResponse<String> posted = session.submit(fields, files);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        return receipt(session, posted);
    }

    static Issued receipt(PortalSession session, HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        String path = location.replaceFirst("^https?://[^/]+", "");
        HttpResponse<String> page = session.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        return new Issued(PortalSession.match(CODE, page.body()), PortalSession.match(PIN, page.body()), path,
                page.body(), page.headers().firstValue("Cache-Control").orElse(""));
    }
}
