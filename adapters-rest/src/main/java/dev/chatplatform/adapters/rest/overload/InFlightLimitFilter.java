package dev.chatplatform.adapters.rest.overload;

import dev.chatplatform.adapters.rest.problem.ProblemDetails;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.chatplatform.adapters.rest.observability.OncePerSecond;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import dev.chatplatform.adapters.rest.event.ChatEventsHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load shedding: at most {@code chat.api.max-in-flight} API requests are served at once; one more waits
 * for a place at most {@code chat.api.max-queue-wait}, then gets a 503 with Retry-After, before its body is
 * read; past {@code chat.api.max-queue} waiting requests, the next is refused at once, and so is the next while
 * the oldest waiting request has waited {@code chat.api.max-queue-delay} already (a standing queue: the next
 * would wait at least as long, and the API is not keeping up). Without it an overloaded API accepts everything,
 * every request waits behind the others for Redis, RabbitMQ and the CPU, and latency grows until clients
 * time out: on the 2-core benchmark machine, 2,000 POSTs/s answered 396/s at a p50 of 25 s. With it the
 * requests it takes keep their latency and the rest are told to come back (docs/benchmarks.md). The
 * default, 256, follows Little's law on that machine: about 4,000 POSTs/s times the 50 ms we want. It was
 * 32 while a POST took ~1 ms of the machine's CPU; since writes are group-committed a write in flight mostly
 * waits, parked, for its group's confirm, and holding the 33rd back only made the groups smaller: 50
 * closed-loop clients got 1,850-2,230/s with 32, 3,304/s at p99 47 ms with 256 (docs/performance.md).
 * WebSocket subscriptions (the upgrade of a chat's events path) are not counted: one is long-lived by design.
 * <p>
 * The delay rule is what lets an API out of an overload. Without it, a cold or paused API under open load
 * queued up to 1,024 requests for a second each: their memory (virtual threads' stacks are on the heap) made
 * young collections of 25-117 ms, each of which queued more, and the API answered a third of 1,000 POSTs/s
 * until the load went away (docs/performance.md, the open-model collapse). With it, such an API refuses at
 * once what it cannot serve within the delay, holds only a short queue, and serves the rest.
 * <p>
 * Each refusal counts in {@code chat.api.shed} (reason {@code queue_full}: refused at once, the queue full;
 * {@code queue_delay}: refused at once, the queue standing; {@code queue_timeout}: waited the whole budget). An overload refuses thousands a second, so they are logged
 * as one line per second with their number rather than a line each ({@link FailedRequestLog} skips them).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InFlightLimitFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "1";
    private static final PathPattern EVENTS = PathPatternParser.defaultInstance.parse(ChatEventsHandler.PATH);

    private final Semaphore permits;
    private final int limit;
    private final long queueWaitNanos;
    private final int maxQueue;
    private final long queueDelayNanos;
    private final AtomicInteger waiting = new AtomicInteger();
    /** When each waiting request began to wait ({@link System#nanoTime}), oldest first. */
    private final ConcurrentLinkedDeque<Long> waitingSince = new ConcurrentLinkedDeque<>();
    private final AtomicLong shed = new AtomicLong();
    private final Counter shedAtOnce;
    private final Counter shedStanding;
    private final Counter shedAfterWaiting;
    private static final Logger LOG = LoggerFactory.getLogger(InFlightLimitFilter.class);
    private final OncePerSecond shedLine = new OncePerSecond(LOG, refused ->
            "load shedding: " + refused + " requests answered 503 since the last line");
    /** The request attribute that marks a refusal of this filter, for {@link FailedRequestLog}. */
    public static final String SHED = InFlightLimitFilter.class.getName() + ".shed";

    /**
     * @param queueWait how long a request over the limit may wait for a place before its 503: the latency
     *                  budget of the queue. Closed-loop clients (50, 200 of them) then queue and are served
     *                  instead of refused, while a sustained overload still gets its answer within it
     * @param maxQueue  how many requests may wait at once; one more is refused at once, without waiting, so
     *                  an overload beyond what the budget can absorb costs no parked thread per request
     * @param queueDelay how long the oldest waiting request may have waited before a new one is refused at
     *                  once; zero: never (only the queue's size and wait bound it)
     */
    @Autowired
    public InFlightLimitFilter(@Value("${chat.api.max-in-flight:256}") int limit,
                               @Value("${chat.api.max-queue-wait:PT1S}") Duration queueWait,
                               @Value("${chat.api.max-queue:1024}") int maxQueue,
                               @Value("${chat.api.max-queue-delay:PT0.1S}") Duration queueDelay,
                               ObjectProvider<MeterRegistry> meters) {
        this(limit, queueWait, maxQueue, queueDelay, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Without the delay rule. */
    public InFlightLimitFilter(int limit, Duration queueWait, int maxQueue, MeterRegistry meters) {
        this(limit, queueWait, maxQueue, Duration.ZERO, meters);
    }

    public InFlightLimitFilter(int limit, Duration queueWait, int maxQueue, Duration queueDelay, MeterRegistry meters) {
        if (limit < 1) {
            throw new IllegalArgumentException("chat.api.max-in-flight must be at least 1, was " + limit);
        }
        if (queueWait.isNegative()) {
            throw new IllegalArgumentException("chat.api.max-queue-wait must not be negative, was " + queueWait);
        }
        if (maxQueue < 0) {
            throw new IllegalArgumentException("chat.api.max-queue must not be negative, was " + maxQueue);
        }
        if (queueDelay.isNegative()) {
            throw new IllegalArgumentException("chat.api.max-queue-delay must not be negative, was " + queueDelay);
        }
        this.queueDelayNanos = queueDelay.toNanos();
        this.limit = limit;
        this.queueWaitNanos = queueWait.toNanos();
        this.maxQueue = maxQueue;
        this.permits = new Semaphore(limit, true);
        this.shedAtOnce = Counter.builder("chat.api.shed").tag("reason", "queue_full")
                .description("API requests refused with 503 by load shedding").register(meters);
        this.shedStanding = Counter.builder("chat.api.shed").tag("reason", "queue_delay")
                .description("API requests refused with 503 by load shedding").register(meters);
        this.shedAfterWaiting = Counter.builder("chat.api.shed").tag("reason", "queue_timeout")
                .description("API requests refused with 503 by load shedding").register(meters);
    }

    /** Requests answered 503 because the limit was reached, since start. */
    public long shed() {
        return shed.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || isEventSubscription(request);
    }

    /**
     * Only a real subscription is exempt: a GET on a chat's events path asking for the WebSocket upgrade.
     * An {@code Upgrade: websocket} header on any other request (a POST, another path) is not a way around
     * the limit.
     */
    private static boolean isEventSubscription(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod())
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))
                && EVENTS.matches(PathContainer.parsePath(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal refusal = admit();
        if (refusal != Refusal.NONE) {
            shed.incrementAndGet();
            (switch (refusal) {
                case AT_ONCE -> shedAtOnce;
                case STANDING -> shedStanding;
                default -> shedAfterWaiting;
            }).increment();
            request.setAttribute(SHED, Boolean.TRUE);
            shedLine.count();
            reject(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private enum Refusal { NONE, AT_ONCE, STANDING, AFTER_WAITING }

    private Refusal admit() {
        if (permits.tryAcquire()) {
            return Refusal.NONE;
        }
        if (queueWaitNanos == 0 || waiting.incrementAndGet() > maxQueue) {
            if (queueWaitNanos > 0) {
                waiting.decrementAndGet();
            }
            return Refusal.AT_ONCE;
        }
        Long since = System.nanoTime();
        Long oldest = waitingSince.peekFirst();
        if (queueDelayNanos > 0 && oldest != null && since - oldest >= queueDelayNanos) {
            waiting.decrementAndGet();
            return Refusal.STANDING;
        }
        waitingSince.addLast(since);
        try {
            return permits.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS) ? Refusal.NONE : Refusal.AFTER_WAITING;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Refusal.AFTER_WAITING;
        } finally {
            // The fair semaphore admits in arrival order, so this is the first entry nearly always.
            waitingSince.removeFirstOccurrence(since);
            waiting.decrementAndGet();
        }
    }


    private void reject(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        ProblemDetails.write(response, ProblemDetails.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                "the API is serving " + limit + " requests already; this one was not accepted, retry later"));
    }
}
