package dev.chatplatform.adapters.rest.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatplatform.adapters.rest.problem.ProblemDetails;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * The per-application rate limit: every request on an application's path ({@code /api/v1/applications/<token>}
 * and below) takes one token from that application's bucket ({@link RateLimitProperties}); an empty bucket
 * answers 429 with {@code Retry-After}, before the body is read. Every answer on those paths carries
 * {@code RateLimit-Limit} (the bucket's size), {@code RateLimit-Remaining} (what is left in it) and
 * {@code RateLimit-Reset} (seconds until it is full again). Requests without a token (creating an
 * application, the console, Actuator, the API docs) are not limited.
 * <p>
 * A token belongs to exactly one application, so the bucket is keyed by the token's SHA-256: the filter
 * needs no lookup (an unknown token gets a bucket too, and its 404 from the controller), and no token is
 * kept here in clear. The buckets are local to this API instance. A bucket idle for as long as it takes
 * to refill is full again, so evicting it then loses nothing; the cap bounds what a flood of made-up
 * tokens can cost.
 * <p>
 * It runs after the load shedding ({@code InFlightLimitFilter}): a request that filter refuses gets its 503
 * without the RateLimit headers. It runs inside Spring Boot's HTTP observation ({@code HIGHEST_PRECEDENCE + 1})
 * and {@code FailedRequestLog} ({@code + 2}), so a 429 counts in {@code http.server.requests} (status 429; its
 * {@code uri} is {@code UNKNOWN}, as no handler was chosen, never the raw path) and has its line in the log.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class AppRateLimitFilter extends OncePerRequestFilter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    static final String APPLICATIONS = "/api/v1/applications/";
    static final int MAX_BUCKETS = 100_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RateLimitProperties limits;
    private final TimeMeter clock;
    private final String limitHeader;
    private final Counter refused;
    private final Cache<TokenKey, Bucket> buckets;

    public AppRateLimitFilter(RateLimitProperties limits, MeterRegistry meters) {
        this(limits, meters, TimeMeter.SYSTEM_NANOTIME);
    }

    AppRateLimitFilter(RateLimitProperties limits, MeterRegistry meters, TimeMeter clock) {
        this.limits = limits;
        this.clock = clock;
        this.limitHeader = Long.toString(limits.burst());
        this.refused = Counter.builder("chat.api.rate_limited")
                .description("API requests answered 429: their application was over its rate limit")
                .register(meters);
        long refillSeconds = limits.enabled() ? Math.ceilDiv(limits.burst(), limits.requestsPerSecond()) : 1;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_BUCKETS)
                .expireAfterAccess(Duration.ofSeconds(Math.max(refillSeconds, 1)))
                .ticker(clock::currentTimeNanos)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = token(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = buckets.get(TokenKey.of(token), key -> newBucket()).tryConsumeAndReturnRemaining(1);
        response.setHeader(LIMIT, limitHeader);
        response.setHeader(REMAINING, Long.toString(probe.getRemainingTokens()));
        response.setHeader(RESET, Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(probe.getNanosToWaitForRefill()))));
        // Written here, before Spring MVC: the problem carries no instance, so no path and no token.
        ProblemDetails.write(response, ProblemDetails.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "the application is over its rate limit of " + limits.requestsPerSecond()
                        + " requests a second (bursts of " + limits.burst() + "); retry after Retry-After seconds"));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.burst())
                        .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(clock)
                .build();
    }

    /**
     * The token segment of an application's path as the controllers see it (percent-decoded, without
     * {@code ;parameters}), so that spelling one token differently does not get a client a fresh bucket;
     * null on any other path, including {@code POST /api/v1/applications}.
     */
    static String token(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int start = request.getContextPath().length();
        if (!uri.startsWith(APPLICATIONS, start)) {
            return null;
        }
        start += APPLICATIONS.length();
        int end = start;
        while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != ';') {
            end++;
        }
        if (end == start) {
            return null;
        }
        String segment = uri.substring(start, end);
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }

    /** Whole seconds, rounded up: a client that waits that long finds what the header promised. */
    private static long seconds(long nanos) {
        return Math.ceilDiv(nanos, NANOS_PER_SECOND);
    }

    /** The first 128 bits of the token's SHA-256. */
    private record TokenKey(long high, long low) {

        static TokenKey of(String token) {
            try {
                ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.UTF_8)));
                return new TokenKey(digest.getLong(), digest.getLong());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }
}
