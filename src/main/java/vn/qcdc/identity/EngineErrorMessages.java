package vn.qcdc.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import vn.qcdc.platform.EngineRefusal;

/**
 * Camunda's REST doors (/engine-rest, and the webapps' /camunda/api that Tasklist uses) wrap every
 * engine failure in English ("Cannot complete task …: …"). Where the failure is one of our refusals,
 * the user gets just its message, in their language, as a 400 (or 403 where it was one).
 */
@Configuration
class EngineErrorMessages {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineErrorMessagesFilter(MessageSource messages, LocaleResolver locales) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Rewrite(messages, locales));
        registration.setName("qcdc-engine-error-messages");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // inside the sign-on filters, so it sees the answer the engine's REST resources wrote
        registration.setOrder(-1);
        return registration;
    }

    static final class Rewrite extends OncePerRequestFilter {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final MessageSource messages;
        private final LocaleResolver locales;

        Rewrite(MessageSource messages, LocaleResolver locales) {
            this.messages = messages;
            this.locales = locales;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ErrorCapture capture = new ErrorCapture(response);
            chain.doFilter(request, capture);
            if (!capture.captured()) {
                return;
            }
            byte[] body = capture.body();
            byte[] rewritten = rewrite(body, capture, locales.resolveLocale(request));
            response.setStatus(capture.status);
            if (rewritten != body) {
                response.setContentType("application/json;charset=UTF-8");
                response.setContentLength(rewritten.length);
            }
            response.getOutputStream().write(rewritten);
        }

        private byte[] rewrite(byte[] body, ErrorCapture capture, Locale locale) {
            try {
                JsonNode json = JSON.readTree(body);
                if (!(json instanceof ObjectNode error) || !error.path("message").isTextual()) {
                    return body;
                }
                String text = EngineRefusal.findIn(error.get("message").asText(), messages, locale);
                if (text == null) {
                    return body;
                }
                error.put("message", text);
                error.put("type", "QcdcRefusal");
                if (capture.status >= 500) {
                    capture.status = HttpServletResponse.SC_BAD_REQUEST;
                }
                return JSON.writeValueAsBytes(error);
            } catch (IOException | RuntimeException e) {
                return body;
            }
        }
    }

    /** Passes successful answers straight through; holds back the body of an error answer. */
    static final class ErrorCapture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = SC_OK;
        private ServletOutputStream stream;
        private PrintWriter writer;

        ErrorCapture(HttpServletResponse response) {
            super(response);
        }

        boolean captured() {
            return status >= 400;
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            if (sc < 400) {
                super.setStatus(sc);
            }
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            super.sendError(sc, msg);
            status = SC_OK;
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void setContentLength(int len) {
            if (!captured()) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!captured()) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!captured()) {
                return super.getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!captured()) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!captured()) {
                super.flushBuffer();
            }
        }
    }
}
