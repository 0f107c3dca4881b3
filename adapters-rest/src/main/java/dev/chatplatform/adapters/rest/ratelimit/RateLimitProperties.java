package dev.chatplatform.adapters.rest.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-application rate limit ({@code chat.api.rate-limit.*}): a token bucket per application that holds
 * {@code burst} requests and refills at {@code requestsPerSecond}. A {@code requestsPerSecond} of 0 turns it
 * off. The defaults sit far above what the benchmarks send into one application (about 4,500 POSTs/s and
 * 1,600 reads/s), so ordinary use never meets them; they stop one application from taking a whole API
 * instance, not a client from working.
 */
@ConfigurationProperties("chat.api.rate-limit")
public record RateLimitProperties(@DefaultValue("10000") long requestsPerSecond, @DefaultValue("20000") long burst) {

    public RateLimitProperties {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException(
                    "chat.api.rate-limit.requests-per-second must be 0 (off) or more, was " + requestsPerSecond);
        }
        if (requestsPerSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("chat.api.rate-limit.burst must be at least 1, was " + burst);
        }
    }

    public boolean enabled() {
        return requestsPerSecond > 0;
    }
}
