package dev.chatplatform.adapters.rest.problem;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.regex.Pattern;

/**
 * A problem's {@code instance} is the request path by default, and every application-scoped path carries
 * the application's token: a credential that must never appear in an error body (issue 14 reproduced
 * it in every 4xx). Such problems go without {@code instance}; the type, status and detail say what
 * went wrong, and the client knows which request it sent.
 */
@RestControllerAdvice
class ProblemInstanceAdvice implements ResponseBodyAdvice<Object> {

    /** {@code /api/v1/applications/<token>} and everything under it. */
    private static final Pattern TOKEN_IN_PATH = Pattern.compile("/applications/[^/]+");

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getInstance() != null
                && TOKEN_IN_PATH.matcher(problem.getInstance().getRawPath()).find()) {
            problem.setInstance(null);
        }
        return body;
    }
}
