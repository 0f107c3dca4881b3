package dev.chatplatform.adapters.rest.observability;

import dev.chatplatform.adapters.rest.overload.InFlightLimitFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;

/**
 * One log line per failed API request (status 400 and up): method, route, status and time, with the trace id
 * the structured log adds. Never the raw path nor the body: application paths carry the token, a credential,
 * and bodies carry users' messages. The route is the matched pattern ({@code /api/v1/applications/{token}/chats});
 * a request that matched no route is logged as {@code UNMATCHED}. Successes are not logged (the metrics count
 * them); refusals come by the thousand under load, so they are summed once a second: 429s here, the
 * load-shedding 503s by {@link InFlightLimitFilter}.
 */
@Component
@Order(FailedRequestLog.ORDER)
public class FailedRequestLog extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(FailedRequestLog.class);

    /**
     * Inside Spring Boot's HTTP observation filter ({@code HIGHEST_PRECEDENCE + 1}), so the request's trace is in
     * scope and its id in the line; outside everything else, so it sees the final status.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    /** 429s come by the thousand from a client that loops into its limit: summed, like the shed 503s. */
    private final OncePerSecond rateLimited = new OncePerSecond(LOG, refused ->
            "rate limiting: " + refused + " requests answered 429 since the last line");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        boolean threw = true;
        try {
            chain.doFilter(request, response);
            threw = false;
        } finally {
            int status = threw ? 500 : response.getStatus();
            if (status == 429) {
                rateLimited.count();
            } else if (status >= 400 && request.getAttribute(InFlightLimitFilter.SHED) == null) {
                log(request, status, (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private static void log(HttpServletRequest request, int status, long millis) {
        String route = route(request);
        if (status >= 500) {
            LOG.warn("request failed: {} {} answered {} in {} ms", request.getMethod(), route, status, millis);
        } else {
            LOG.info("request failed: {} {} answered {} in {} ms", request.getMethod(), route, status, millis);
        }
    }

    /** The route a request is logged under: its matched pattern, never its path. */
    static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? "UNMATCHED" : pattern.toString();
    }
}
