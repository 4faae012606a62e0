package vn.qcdc.portal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An upload over Spring's multipart limits fails before any controller runs, so no controller advice sees
 * it: on the portal it brings back the filing form with a plain message instead of an error page. Nothing
 * the citizen typed could be read, so the form comes back empty, with a fresh idempotency key.
 */
@Component
class UploadTooLarge implements HandlerExceptionResolver, Ordered {

    private final SubmitPage page;
    private final Problems problems;

    UploadTooLarge(SubmitPage page, Problems problems) {
        this.page = page;
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(ex instanceof MultipartException) || !request.getRequestURI().startsWith(request.getContextPath() + "/portal/")) {
            return null;
        }
        boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
        Locale locale = RequestContextUtils.getLocale(request);
        String message = tooLarge
                ? problems.message("portal.submit.too-large", locale, SubmitPage.MAX_FILES, SubmitPage.MAX_FILE_MB)
                : problems.message("portal.submit.unreadable", locale);
        ModelAndView form = new ModelAndView(SubmitPage.VIEW);
        page.fill(form.getModelMap(), SubmitForm.fresh(), Map.of("attachments", List.of(message)), true);
        form.setStatus(tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST);
        return form;
    }

    /** Before Spring MVC's own resolvers, which would answer with a bare 413. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
