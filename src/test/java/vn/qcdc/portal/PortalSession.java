package vn.qcdc.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * A citizen's browser without JavaScript, over real HTTP: cookies, the CSRF token, multipart posts exactly
 * as the filing form sends them (token in the form's address), no redirects followed.
 */
final class PortalSession {

    record FilePart(String name, String fileName, String contentType, byte[] bytes) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SUBMIT_ACTION = Pattern.compile("<form action=\"([^\"]+)\"[^>]*id=\"submit-form\"");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    PortalSession(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    /** A plain form post with the CSRF token of the page the form was on. */
    HttpResponse<String> post(String path, String pageWithForm, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", match(CSRF, pageWithForm));
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The filing form, as a fresh visitor gets it: its address (with the token) and its idempotency key. */
    record SubmitForm(String action, String idempotencyKey) {
    }

    SubmitForm openSubmitForm() {
        String page = get("/portal/submit").body();
        return new SubmitForm(HtmlUtils.htmlUnescape(match(SUBMIT_ACTION, page)), match(IDEMPOTENCY_KEY, page));
    }

    /** Posts the filing form with these fields (and the form's own idempotency key unless one is given). */
    HttpResponse<String> submit(Map<String, String> fields, FilePart... files) {
        SubmitForm form = openSubmitForm();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("idempotencyKey", form.idempotencyKey());
        all.putAll(fields);
        return postMultipart(form.action(), all, List.of(files));
    }

    HttpResponse<String> postMultipart(String path, Map<String, String> fields, List<FilePart> files) {
        String boundary = "----qcdc" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            List<FilePart> parts = new ArrayList<>(files);
            if (parts.isEmpty()) {
                // what a browser sends for a file input left empty
                parts.add(new FilePart("attachments", "", "application/octet-stream", new byte[0]));
            }
            for (FilePart file : parts) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
                        + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType()
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file.bytes());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String match(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in page");
        }
        return m.group(1);
    }

    /** What a reader sees: entities decoded, so messages can be compared as written. */
    static String text(HttpResponse<String> response) {
        return HtmlUtils.htmlUnescape(response.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
