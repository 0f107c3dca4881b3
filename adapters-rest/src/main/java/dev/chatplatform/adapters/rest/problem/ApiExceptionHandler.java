package dev.chatplatform.adapters.rest.problem;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.domain.InvalidValueException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;

/**
 * The one place exceptions become answers: 400 naming the field, 404, 413, 503 with Retry-After; the
 * base class covers 405, 415 and the rest of Spring MVC's own errors. Never a stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidValueException e) {
        return ResponseEntity.badRequest().body(ProblemDetails.invalid(e.field(), e.reason()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetails.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
    }

    @ExceptionHandler(DependencyUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(DependencyUnavailableException e) {
        LOG.warn("answering 503: {} ({})", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(ProblemDetails.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                        "a dependency is unavailable; the request was not accepted, retry later"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(ProblemDetails.invalid(snakeCase(e.getName()), "has the wrong type"));
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(RequestSizeLimitFilter.problem());
    }

    /**
     * Tomcat parses the query string only when a parameter is first read, inside the controller call,
     * and throws this for a malformed one (e.g. {@code ?cursor=%%%}): the client's fault, not a 500.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> malformedQuery(InvalidParameterException e) {
        HttpStatus status = e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(ProblemDetails.of(status, "malformed-query",
                "the query string could not be decoded (invalid percent-encoding or too many parameters)"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ProblemDetails.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "unexpected error"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(RequestSizeLimitFilter.problem());
            }
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValueException invalid) {
                return ResponseEntity.badRequest().body(ProblemDetails.invalid(invalid.field(), invalid.reason()));
            }
            if (cause instanceof DatabindException databind) {
                if (databind.getPath().isEmpty()) {
                    return ResponseEntity.badRequest().body(ProblemDetails.of(HttpStatus.BAD_REQUEST, "malformed-json",
                            "the request body must be a JSON object"));
                }
                return ResponseEntity.badRequest().body(ProblemDetails.invalid(field(databind), "has the wrong type"));
            }
            // A well-formed number too large for its field ({"score": 99999999999}): the field's fault, not the JSON's.
            if (cause instanceof InputCoercionException coercion && !coercion.getPath().isEmpty()) {
                return ResponseEntity.badRequest().body(ProblemDetails.invalid(field(coercion), "is out of range"));
            }
            if (cause instanceof JacksonException) {
                return ResponseEntity.badRequest().body(
                        ProblemDetails.of(HttpStatus.BAD_REQUEST, "malformed-json", "the request body is not valid JSON"));
            }
        }
        return ResponseEntity.badRequest().body(
                ProblemDetails.of(HttpStatus.BAD_REQUEST, "malformed-json", "the request body is missing or unreadable"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemDetails.typeByStatus(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** The field as a client spells it: {@code participants[2]}, {@code a.b}. */
    private static String field(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getPropertyName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
