package dev.chatplatform.adapters.rest.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds RFC 9457 problem details with a stable {@code type} per kind of problem. */
public final class ProblemDetails {

    private static final String TYPE_BASE = "https://chat-platform.dev/problems/";

    private ProblemDetails() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    public static ProblemDetail invalid(String field, String message) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", field + " " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
