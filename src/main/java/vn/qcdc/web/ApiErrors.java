package vn.qcdc.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import vn.qcdc.platform.Refusal;

/**
 * Every failure of the JSON API becomes a problem+json with a message in the caller's language
 * (Vietnamese unless English is asked for). Never a stack trace.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail rejected(Refusal e, Locale locale) {
        List<Refusal.Problem> problems = e.problems();
        HttpStatus status = e.status();
        ProblemDetail problem = detail(status, problems.size() == 1 ? problems.get(0).messageKey() : "error.validation",
                locale, problems.get(0).args());
        Map<String, String> fields = new LinkedHashMap<>();
        problems.stream().filter(p -> p.field() != null)
                .forEach(p -> fields.merge(p.field(), p.text(messages, locale), (a, b) -> a + " " + b));
        if (!fields.isEmpty()) {
            problem.setProperty("fields", fields);
        }
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(Locale locale) {
        return detail(HttpStatus.BAD_REQUEST, "error.json-malformed", locale);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, Locale locale) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "error.validation", locale);
        problem.setProperty("fields", e.getBindingResult().getFieldErrors().stream().collect(Collectors.toMap(
                f -> f.getField(), f -> messages.getMessage(f, locale), (a, b) -> a)));
        return problem;
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail badParameter(Exception e, Locale locale) {
        String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return detail(HttpStatus.BAD_REQUEST, "error.parameter", locale, name);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(Locale locale) {
        return detail(HttpStatus.PAYLOAD_TOO_LARGE, "error.too-large", locale);
    }

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbidden(Locale locale) {
        return detail(HttpStatus.FORBIDDEN, "error.forbidden", locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(Locale locale) {
        return detail(HttpStatus.METHOD_NOT_ALLOWED, "error.method", locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(Locale locale) {
        return detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media-type", locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(Locale locale) {
        return detail(HttpStatus.NOT_FOUND, "error.not-found", locale);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, Locale locale) {
        log.error("Unexpected error in API call", e);
        return detail(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", locale);
    }

    private ProblemDetail detail(HttpStatus status, String key, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, args, locale));
        problem.setTitle(messages.getMessage("error.title." + status.value(), null,
                messages.getMessage("error.title.other", null, locale), locale));
        problem.setType(URI.create("urn:qcdc:" + key));
        return problem;
    }
}
