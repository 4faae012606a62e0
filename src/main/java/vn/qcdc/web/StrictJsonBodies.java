package vn.qcdc.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON the public doors accept is well-formed UTF-8, checked strictly (no overlong or surrogate
 * encodings, which a lenient decoder turns into other characters) before anything reads it. A bad body
 * is answered in the door's own error format and reaches no controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StrictJsonBodies extends OncePerRequestFilter {

    static final int MAX_JSON_BYTES = 30 * 1024 * 1024;

    private final MessageSource messages;
    private final LocaleResolver locales;

    StrictJsonBodies(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return !(path.startsWith("/api/") || path.startsWith("/open311/"))
                || type == null || !type.toLowerCase(Locale.ROOT).contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_JSON_BYTES + 1);
        String problem = body.length > MAX_JSON_BYTES ? "error.too-large" : wellFormed(body) ? null : "error.encoding";
        if (problem != null) {
            refuse(request, response, body.length > MAX_JSON_BYTES ? 413 : 400, problem);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    static boolean wellFormed(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        String text = messages.getMessage(key, null, locales.resolveLocale(request));
        String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/open311/")) {
            response.setContentType("application/json");
            response.getWriter().write("[{\"code\":" + status + ",\"description\":" + quoted + "}]");
        } else {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:qcdc:" + key + "\",\"status\":" + status + ",\"detail\":" + quoted + "}");
        }
    }

    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
