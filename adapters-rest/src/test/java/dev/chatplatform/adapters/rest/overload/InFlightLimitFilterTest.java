package dev.chatplatform.adapters.rest.overload;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InFlightLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InFlightLimitFilter filter = new InFlightLimitFilter(2, Duration.ZERO, 1024, meters);
    private final CountDownLatch entered = new CountDownLatch(2);
    private final CountDownLatch release = new CountDownLatch(1);
    /** Lets the request of {@link #holdThePlace} end. */
    private final CountDownLatch leave = new CountDownLatch(1);
    private final ExecutorService clients = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        release.countDown();
        leave.countDown();
        clients.shutdownNow();
    }

    private final FilterChain slow = (request, response) -> {
        entered.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ((MockHttpServletResponse) response).setStatus(201);
    };

    private static MockHttpServletRequest post(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setRequestURI(uri);
        return request;
    }

    private MockHttpServletResponse serve(MockHttpServletRequest request, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private void holdBothPermits() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            clients.submit(() -> serve(post("/api/v1/applications/t/chats"), slow));
        }
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("both requests in flight").isTrue();
    }

    @Test
    void aRequestOverTheLimitIsAnswered503WithRetryAfterAtOnce() throws Exception {
        holdBothPermits();

        MockHttpServletResponse third = serve(post("/api/v1/applications/t/chats"),
                (request, response) -> { throw new AssertionError("must not be served"); });

        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
        assertThat(third.getContentType()).startsWith("application/problem+json");
        assertThat(third.getContentAsString()).contains("\"status\":503", "/problems/overloaded", "retry later");
        assertThat(filter.shed()).isEqualTo(1);
        assertThat(meters.counter("chat.api.shed", "reason", "queue_full").count()).isEqualTo(1);
        assertThat(meters.counter("chat.api.shed", "reason", "queue_timeout").count()).isZero();
    }

    @Test
    void permitsComeBackWhenRequestsFinishEvenByAnException() throws Exception {
        assertThatThrownBy(() -> serve(post("/api/v1/x"), (request, response) -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        holdBothPermits();
        release.countDown();
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThat(serve(post("/api/v1/applications/t/chats"), (request, response) ->
                ((MockHttpServletResponse) response).setStatus(201)).getStatus()).isEqualTo(201);
    }

    @Test
    void webSocketUpgradesAndPagesOutsideTheApiAreNotCounted() throws Exception {
        holdBothPermits();
        MockHttpServletRequest upgrade = post("/api/v1/applications/t/chats/1/events");
        upgrade.setMethod("GET");
        upgrade.addHeader("Upgrade", "websocket");

        assertThat(serve(upgrade, (request, response) -> ((MockHttpServletResponse) response).setStatus(101)).getStatus())
                .isEqualTo(101);
        assertThat(serve(post("/console/index.html"), (request, response) ->
                ((MockHttpServletResponse) response).setStatus(200)).getStatus()).isEqualTo(200);
    }

    /** The one place of {@code limited} (limit 1) taken by a request that stays until {@link #leave} opens. */
    private void holdThePlace(InFlightLimitFilter limited) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        clients.submit(() -> {
            limited.doFilter(post("/api/v1/a"), new MockHttpServletResponse(), (request, response) -> {
                inside.countDown();
                try {
                    leave.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).as("the place taken").isTrue();
    }

    private static final FilterChain CREATED = (request, response) -> ((MockHttpServletResponse) response).setStatus(201);

    /** A request that waits for {@code limited}'s place, served (201) once it has it. */
    private Future<MockHttpServletResponse> queue(InFlightLimitFilter limited, String uri) {
        return clients.submit(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            limited.doFilter(post(uri), response, CREATED);
            return response;
        });
    }

    /** Asserts that {@code limited} answers a request 503 with Retry-After without waiting. */
    private static void assertRefusedAtOnce(InFlightLimitFilter limited) throws Exception {
        long started = System.nanoTime();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        limited.doFilter(post("/api/v1/c"), refused, CREATED);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void pastTheQueueLimitARequestIsRefusedWithoutWaiting() throws Exception {
        InFlightLimitFilter oneWaiter = new InFlightLimitFilter(1, Duration.ofSeconds(10), 1, meters);
        holdThePlace(oneWaiter);
        Future<MockHttpServletResponse> queued = queue(oneWaiter, "/api/v1/b");
        Thread.sleep(200); // the second request is waiting for the place now

        assertRefusedAtOnce(oneWaiter);
        assertThat(meters.get("chat.api.shed").tag("reason", "queue_full").counter().count()).isEqualTo(1);

        leave.countDown();
        assertThat(queued.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
    }

    @Test
    void whileTheOldestWaitingRequestHasWaitedTheDelayTheNextIsRefusedAtOnce() throws Exception {
        InFlightLimitFilter delayed = new InFlightLimitFilter(1, Duration.ofSeconds(10), 1024, Duration.ofMillis(100), meters);
        holdThePlace(delayed);
        Future<MockHttpServletResponse> queued = queue(delayed, "/api/v1/b");
        Thread.sleep(300); // the second request has waited past the delay by now

        assertRefusedAtOnce(delayed);
        assertThat(meters.get("chat.api.shed").tag("reason", "queue_delay").counter().count()).isEqualTo(1);

        leave.countDown();
        assertThat(queued.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        MockHttpServletResponse after = new MockHttpServletResponse();
        delayed.doFilter(post("/api/v1/d"), after, CREATED);
        assertThat(after.getStatus()).as("the queue is empty again: served").isEqualTo(201);
    }

    @Test
    void aShortQueueWithinTheDelayIsServed() throws Exception {
        InFlightLimitFilter delayed = new InFlightLimitFilter(1, Duration.ofSeconds(10), 1024, Duration.ofSeconds(5), meters);
        holdThePlace(delayed);
        Future<MockHttpServletResponse> queued = queue(delayed, "/api/v1/b");
        Thread.sleep(200);
        clients.submit(() -> {
            Thread.sleep(200);
            leave.countDown();
            return null;
        });
        MockHttpServletResponse third = new MockHttpServletResponse();
        delayed.doFilter(post("/api/v1/c"), third, CREATED);
        assertThat(third.getStatus()).isEqualTo(201);
        assertThat(queued.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        assertThat(delayed.shed()).isZero();
    }

    @Test
    void anUpgradeHeaderOnAnyOtherRequestDoesNotSkipTheLimit() throws Exception {
        holdBothPermits();
        MockHttpServletRequest postWithUpgrade = post("/api/v1/applications/t/chats/1/messages");
        postWithUpgrade.addHeader("Upgrade", "websocket");
        MockHttpServletRequest postToEvents = post("/api/v1/applications/t/chats/1/events");
        postToEvents.addHeader("Upgrade", "websocket");

        assertThat(serve(postWithUpgrade, (request, response) -> ((MockHttpServletResponse) response).setStatus(201))
                .getStatus()).isEqualTo(503);
        assertThat(serve(postToEvents, (request, response) -> ((MockHttpServletResponse) response).setStatus(201))
                .getStatus()).isEqualTo(503);
    }

    @Test
    void aRequestOverTheLimitWaitsForAPlaceUpToTheQueueWait() throws Exception {
        InFlightLimitFilter queueing = new InFlightLimitFilter(1, Duration.ofSeconds(5), 1024, meters);
        holdThePlace(queueing);
        clients.submit(() -> {
            Thread.sleep(200);
            leave.countDown(); // the first request ends while the second waits
            return null;
        });

        MockHttpServletResponse second = new MockHttpServletResponse();
        queueing.doFilter(post("/api/v1/b"), second, CREATED);

        assertThat(second.getStatus()).isEqualTo(201);
        assertThat(queueing.shed()).isZero();
    }

    @Test
    void aLimitUnderOneIsRefused() {
        assertThatThrownBy(() -> new InFlightLimitFilter(0, Duration.ZERO, 1024, meters)).hasMessageContaining("chat.api.max-in-flight");
    }
}
