package dev.chatplatform.adapters.rest.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppRateLimitFilterTest {

    private static final String TOKEN = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String OTHER = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ManualClock clock = new ManualClock();
    /** 1 request a second, bursts of 2. */
    private final AppRateLimitFilter filter = new AppRateLimitFilter(new RateLimitProperties(1, 2), meters, clock);
    private final AtomicInteger served = new AtomicInteger();
    private final FilterChain chain = (request, response) -> {
        served.incrementAndGet();
        ((MockHttpServletResponse) response).setStatus(200);
    };

    private static MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setRequestURI(uri);
        return request;
    }

    private MockHttpServletResponse serve(AppRateLimitFilter filter, String method, String uri) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(method, uri), response, chain);
        return response;
    }

    private MockHttpServletResponse serve(String uri) throws Exception {
        return serve(filter, "POST", uri);
    }

    private static String messages(String token) {
        return "/api/v1/applications/" + token + "/chats/1/messages";
    }

    @Test
    void everyAnswerOnAnApplicationsPathCarriesTheRateLimitHeaders() throws Exception {
        MockHttpServletResponse first = serve(messages(TOKEN));
        MockHttpServletResponse second = serve(filter, "GET", "/api/v1/applications/" + TOKEN);

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("RateLimit-Limit")).isEqualTo("2");
        assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("1");
        assertThat(first.getHeader("RateLimit-Reset")).isEqualTo("1");
        assertThat(second.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(second.getHeader("RateLimit-Reset")).isEqualTo("2");
        assertThat(served).hasValue(2);
    }

    @Test
    void overTheLimitARequestGets429WithRetryAfterAndIsNotServed() throws Exception {
        serve(messages(TOKEN));
        serve(messages(TOKEN));

        MockHttpServletResponse refused = serve(messages(TOKEN));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getHeader("RateLimit-Limit")).isEqualTo("2");
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getHeader("RateLimit-Reset")).isEqualTo("2");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString())
                .contains("\"status\":429", "/problems/rate-limited", "\"title\":\"Too Many Requests\"", "\"detail\":")
                .doesNotContain(TOKEN, "instance", "/applications/");
        assertThat(served).hasValue(2);
        assertThat(meters.counter("chat.api.rate_limited").count()).isEqualTo(1);
    }

    @Test
    void theBucketRefillsAtTheConfiguredRate() throws Exception {
        serve(messages(TOKEN));
        serve(messages(TOKEN));
        assertThat(serve(messages(TOKEN)).getStatus()).isEqualTo(429);

        clock.advanceSeconds(1);

        assertThat(serve(messages(TOKEN)).getStatus()).isEqualTo(200);
        assertThat(serve(messages(TOKEN)).getStatus()).isEqualTo(429);
    }

    @Test
    void anotherApplicationKeepsItsOwnBucket() throws Exception {
        serve(messages(TOKEN));
        serve(messages(TOKEN));
        assertThat(serve(messages(TOKEN)).getStatus()).isEqualTo(429);

        MockHttpServletResponse other = serve(messages(OTHER));

        assertThat(other.getStatus()).isEqualTo(200);
        assertThat(other.getHeader("RateLimit-Remaining")).isEqualTo("1");
    }

    @Test
    void spellingTheTokenDifferentlyDoesNotGetAFreshBucket() throws Exception {
        serve(messages(TOKEN));
        serve("/api/v1/applications/%61" + TOKEN.substring(1) + "/chats/1/messages");

        assertThat(serve("/api/v1/applications/" + TOKEN + ";x=1/chats").getStatus()).isEqualTo(429);
    }

    @Test
    void requestsWithoutATokenAreNotLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            for (String uri : new String[] {"/api/v1/applications", "/api/v1/applications/", "/console/index.html",
                    "/actuator/health", "/swagger-ui/index.html", "/v3/api-docs"}) {
                MockHttpServletResponse response = serve(uri);
                assertThat(response.getStatus()).as(uri).isEqualTo(200);
                assertThat(response.getHeader("RateLimit-Limit")).as(uri).isNull();
            }
        }
        assertThat(meters.counter("chat.api.rate_limited").count()).isZero();
    }

    @Test
    void zeroRequestsPerSecondTurnsTheLimitOff() throws Exception {
        AppRateLimitFilter off = new AppRateLimitFilter(new RateLimitProperties(0, 0), meters, clock);

        for (int i = 0; i < 100; i++) {
            MockHttpServletResponse response = serve(off, "POST", messages(TOKEN));
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("RateLimit-Limit")).isNull();
        }
        assertThat(served).hasValue(100);
    }

    @Test
    void theDefaultsNeverLimitTheBenchmarksLoad() throws Exception {
        AppRateLimitFilter defaults = new AppRateLimitFilter(new RateLimitProperties(10_000, 20_000), meters, clock);
        int perSecond = 6_100; // the benchmarks' ~4,500 POSTs/s and ~1,600 reads/s, all into one application

        for (int i = 0; i < 10 * perSecond; i++) {
            clock.advanceNanos(TimeUnit.SECONDS.toNanos(1) / perSecond);
            assertThat(serve(defaults, i % 4 == 0 ? "GET" : "POST", messages(TOKEN)).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aNegativeRateOrAnEmptyBurstIsRefused() {
        assertThatThrownBy(() -> new RateLimitProperties(-1, 10)).hasMessageContaining("requests-per-second");
        assertThatThrownBy(() -> new RateLimitProperties(10, 0)).hasMessageContaining("burst");
    }
}
