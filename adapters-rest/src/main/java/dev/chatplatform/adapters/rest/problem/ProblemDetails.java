package dev.chatplatform.adapters.rest.problem;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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

    /**
     * Gives a problem built elsewhere (Spring MVC's own 405, 415, ...) a type named after its status:
     * their default {@code about:blank} is left out of the JSON, and the contract promises a type.
     */
    static void typeByStatus(ProblemDetail problem) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            String type = status == null ? "http-" + problem.getStatus()
                    : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
            problem.setType(URI.create(TYPE_BASE + type));
        }
    }

    /**
     * Writes a problem straight to the response, for filters that answer before Spring MVC (and its
     * message converters) are reached. The texts are this project's own: no character needs escaping.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle()
                + "\",\"status\":" + problem.getStatus() + ",\"detail\":\"" + problem.getDetail() + "\"}");
    }

    public static ProblemDetail invalid(String field, String message) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", field + " " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
