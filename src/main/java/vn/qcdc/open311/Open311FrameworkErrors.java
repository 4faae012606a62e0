package vn.qcdc.open311;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What Spring MVC refuses before any Open311 handler runs (a method or content type the call does not
 * take, an unknown path) is answered like every other Open311 error: the GeoReport error list, in the
 * path's format, in Vietnamese or English.
 */
@Component
class Open311FrameworkErrors implements HandlerExceptionResolver, Ordered {

    static final String STATUS = Open311FrameworkErrors.class.getName() + ".status";
    static final String KEY = Open311FrameworkErrors.class.getName() + ".key";

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/open311/")
                || request.getAttribute(STATUS) != null) {
            return null;
        }
        HttpStatus status;
        String key;
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
            key = "open311.error.method";
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            key = "open311.body.unreadable";
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            status = HttpStatus.NOT_ACCEPTABLE;
            key = "open311.error.not-acceptable";
        } else if (ex instanceof NoResourceFoundException) {
            status = HttpStatus.NOT_FOUND;
            key = "open311.error.not-found";
        } else {
            return null;
        }
        request.setAttribute(STATUS, status);
        request.setAttribute(KEY, key);
        String format = Open311Api.Format.ofPath(request.getRequestURI()) == Open311Api.Format.XML ? "xml" : "json";
        return new ModelAndView("forward:" + Open311Api.V2 + "/refused." + format);
    }

    /** Before Spring MVC's own resolvers, which would answer with Spring's error page. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
