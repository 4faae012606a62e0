package vn.qcdc.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own answer to a request it cannot even hand to the application (a malformed address, for
 * instance): a short page in Vietnamese, or English when the browser asks, or the same as JSON for the
 * APIs; never Tomcat's English report. The texts live here because no application code runs then.
 */
public class PlainErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String accept = request.getHeader("Accept-Language");
        boolean english = accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en");
        String text = text(status, english);
        String uri = request.getDecodedRequestURI() == null ? "" : request.getDecodedRequestURI();
        boolean json = uri.startsWith("/api") || uri.startsWith("/open311") || uri.startsWith("/engine-rest")
                || (request.getHeader("Accept") != null && request.getHeader("Accept").contains("json"));
        try {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(json ? "application/json" : "text/html");
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (json) {
                out.write("{\"status\":" + status + ",\"message\":\"" + text + "\"}");
            } else {
                out.write("<!doctype html><html lang=\"" + (english ? "en" : "vi") + "\"><head><meta charset=\"utf-8\">"
                        + "<title>" + status + "</title></head><body><h1>" + status + "</h1><p>" + text
                        + "</p><p><a href=\"/\">" + (english ? "Home" : "Về trang chủ") + "</a></p></body></html>");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more can be said
        }
    }

    static String text(int status, boolean english) {
        return switch (status) {
            case 400 -> english ? "The request is not valid." : "Yêu cầu không hợp lệ.";
            case 404 -> english ? "The page was not found." : "Không tìm thấy trang yêu cầu.";
            case 413 -> english ? "The data sent is too large." : "Dữ liệu gửi lên quá lớn.";
            default -> english ? "The request could not be served." : "Không thể xử lý yêu cầu.";
        };
    }
}
