package dev.chatplatform.adapters.rest;

import dev.chatplatform.adapters.rest.problem.RequestSizeLimitFilter;
import dev.chatplatform.adapters.rest.ratelimit.AppRateLimitFilter;
import dev.chatplatform.adapters.rest.ratelimit.RateLimitProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds to every operation of the OpenAPI document the problem details (RFC 9457) it can really answer, and
 * the headers that go with them. Which ones follows from how the operation is served, not from a list per
 * path, so a new endpoint is described right without a line here:
 * <ul>
 * <li>400 (ApiExceptionHandler: a field named in {@code errors}) when it takes a body or a parameter besides
 *     the token; the token itself is never a 400 ({@link PathValues#token}: an impossible token is unknown);
 * <li>404 when its path carries the application's token;
 * <li>413 and 415 when it takes a body ({@link RequestSizeLimitFilter}, Spring MVC);
 * <li>429 with Retry-After, and the RateLimit headers on every answer, when its path carries the token and
 *     the rate limit is on ({@link AppRateLimitFilter});
 * <li>503 with Retry-After on every operation: load shedding refuses any API request, and a dependency down
 *     refuses what needs it.
 * </ul>
 * No operation answers 409 or 422 today, so none is described: a documented answer the server never gives
 * misleads a client as much as a missing one.
 */
@Component
public class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "ProblemDetail";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String TOKEN = "{token}";
    private static final String HEADERS = "#/components/headers/";

    private final boolean rateLimited;

    public ProblemResponses(RateLimitProperties rateLimit) {
        this.rateLimited = rateLimit.enabled();
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components components = openApi.getComponents();
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        headers(rateLimited).forEach(components::addHeaders);
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) ->
                    item.readOperations().forEach(operation -> describe(path, operation)));
        }
    }

    private void describe(String path, Operation operation) {
        boolean app = path.contains(TOKEN);
        boolean body = operation.getRequestBody() != null;
        boolean input = body || parameters(operation).stream().anyMatch(p -> !"token".equals(p.getName()));
        boolean limited = app && rateLimited;
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        if (input) {
            responses.addApiResponse("400", problem("Bad input: malformed JSON, a wrong type or a value out of "
                    + "range; errors[].field names the field"));
        }
        if (app) {
            responses.addApiResponse("404", problem("Unknown application token, or no such chat, message or user"));
        }
        if (body) {
            responses.addApiResponse("413", problem("The request body is over " + RequestSizeLimitFilter.MAX_BYTES
                    + " bytes"));
            responses.addApiResponse("415", problem("The request body is not JSON"));
        }
        if (limited) {
            responses.addApiResponse("429", problem("The application is over its rate limit; retry after "
                    + "Retry-After seconds").addHeaderObject(HttpHeaders.RETRY_AFTER, ref(HttpHeaders.RETRY_AFTER)));
        }
        responses.addApiResponse("503", problem("The API is overloaded, or a dependency it needs is down; the "
                + "request was not accepted: retry after Retry-After seconds"
                + (limited ? ". A request shed for overload gets no RateLimit headers" : ""))
                .addHeaderObject(HttpHeaders.RETRY_AFTER, ref(HttpHeaders.RETRY_AFTER)));
        if (limited) {
            responses.values().forEach(response -> {
                for (String header : List.of(AppRateLimitFilter.LIMIT, AppRateLimitFilter.REMAINING,
                        AppRateLimitFilter.RESET)) {
                    response.addHeaderObject(header, ref(header));
                }
            });
        }
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    private static Header ref(String name) {
        return new Header().$ref(HEADERS + name);
    }

    private static Map<String, Header> headers(boolean rateLimited) {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.RETRY_AFTER, header(1, "Whole seconds to wait before sending the request again"));
        if (!rateLimited) {
            return headers;
        }
        headers.put(AppRateLimitFilter.LIMIT, header(1, "Requests the application's bucket holds (the burst); it "
                + "refills at chat.api.rate-limit.requests-per-second"));
        headers.put(AppRateLimitFilter.REMAINING, header(0, "Requests left in the application's bucket after this one"));
        headers.put(AppRateLimitFilter.RESET, header(0, "Whole seconds until the application's bucket is full again"));
        return headers;
    }

    private static Header header(int minimum, String description) {
        return new Header().description(description).schema(integer(minimum));
    }

    private static Schema<Object> integer(int minimum) {
        Schema<Object> schema = new Schema<>();
        schema.setTypes(Set.of("integer"));
        schema.setMinimum(BigDecimal.valueOf(minimum));
        return schema;
    }

    private static Schema<Object> string(String format, String description) {
        Schema<Object> schema = new Schema<>();
        schema.setTypes(Set.of("string"));
        schema.setFormat(format);
        schema.setDescription(description);
        return schema;
    }

    /** RFC 9457's members as ApiExceptionHandler and ProblemDetails write them. */
    private static Schema<Object> problemSchema() {
        Schema<Object> fieldError = new Schema<>();
        fieldError.setTypes(Set.of("object"));
        fieldError.addProperty("field", string(null, "The field as the client spells it, e.g. participants[2]"));
        fieldError.addProperty("message", string(null, "What is wrong with it"));
        Schema<Object> errors = new Schema<>();
        errors.setTypes(Set.of("array"));
        errors.setItems(fieldError);
        errors.setDescription("On a 400 for a field: the field and what is wrong with it");
        Schema<Object> status = integer(400);
        status.setDescription("The HTTP status code");
        Schema<Object> problem = new Schema<>();
        problem.setTypes(Set.of("object"));
        problem.setDescription("An RFC 9457 problem detail (application/problem+json). Never carries a token.");
        problem.addProperty("type", string("uri", "A stable URI per kind of problem"));
        problem.addProperty("title", string(null, "The status's reason phrase"));
        problem.addProperty("status", status);
        problem.addProperty("detail", string(null, "What went wrong, for a human"));
        problem.addProperty("instance", string("uri", "Absent on an application's paths, which carry its token"));
        problem.addProperty("errors", errors);
        problem.setRequired(List.of("type", "title", "status", "detail"));
        return problem;
    }
}
