package dev.chatplatform.infra.rabbitmq;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.Timer;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit for write commands. Requests hand their command to one publishing thread, which sends what
 * has gathered as one persistent, mandatory AMQP message (an envelope of commands, or the command alone)
 * and completes every request of it when the broker confirms it: the broker stores, confirms and delivers
 * once per group instead of once per command. At most {@code maxInFlight} groups wait for their confirm at
 * once; while they do, the next group gathers, so groups grow with the load and a lone request goes alone,
 * at once. Commands are sent in the order they were handed over, from one thread, on one channel. A lone
 * command goes with the routing key it was handed with, a group with {@link WriteTopology#envelopeKey} of its
 * first command's: the commands handed to one publisher share a partition (the write queue has one publisher
 * per partition).
 * <p>
 * A nack, a return (unroutable), a send that fails or no confirm in time fails every request of the group with
 * {@link DependencyUnavailableException}. A request waits without a timer of its own (a timed park per
 * request cost a POST ~5% of its CPU): a watchdog fails a command still waiting to be sent, or stuck in a
 * send (a broker that blocks the connection), once it has waited the confirm timeout; a sent group fails when
 * its confirm has not come within the timeout of the send.
 */
public final class GroupCommitPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitPublisher.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private record Handed(String routingKey, byte[] command, CompletableFuture<Void> confirmed, long since) {
    }

    /** The group in {@code operations.send}, and since when. */
    private record Sending(List<Handed> group, long since) {
    }

    private final RabbitTemplate rabbit;
    private final String exchange;
    private final WriteCodec codec;
    private final Duration confirmTimeout;
    private final int maxCommands;
    private final int maxBytes;
    private final Semaphore inFlight;
    private final BlockingQueue<Handed> handed;
    private final Thread thread;
    private final Thread watchdog;
    private final Timer confirms;
    private final Counter commands;
    private final Counter nacked;
    private final Counter timedOut;
    private final Counter sendFailed;
    private volatile Sending sending;
    private volatile boolean running = true;

    /**
     * {@code exchange}: where the groups go (the write exchange; the bare benchmark endpoint has its own). Counts
     * nothing (a registry with no backend): the bare endpoint's publishes must not mix into the API's meters.
     */
    public GroupCommitPublisher(RabbitTemplate rabbit, String exchange, WriteCodec codec, Duration confirmTimeout,
                                int maxInFlight, int maxCommands, int maxBytes, int maxWaiting) {
        this(rabbit, exchange, codec, confirmTimeout, maxInFlight, maxCommands, maxBytes, maxWaiting,
                new CompositeMeterRegistry());
    }

    /**
     * {@code meters}: {@code chat.publish.confirm} (a group's time from send to confirm), {@code chat.publish.commands}
     * (commands confirmed) and {@code chat.publish.failed{reason}} (commands failed: nack, timeout, send).
     */
    public GroupCommitPublisher(RabbitTemplate rabbit, String exchange, WriteCodec codec, Duration confirmTimeout,
                                int maxInFlight, int maxCommands, int maxBytes, int maxWaiting, MeterRegistry meters) {
        this.confirms = Timer.builder("chat.publish.confirm")
                .description("Time from sending a group of commands to the broker's confirm").register(meters);
        this.commands = Counter.builder("chat.publish.commands").description("Commands confirmed by the broker")
                .register(meters);
        this.nacked = failed(meters, "refused");
        this.timedOut = failed(meters, "timeout");
        this.sendFailed = failed(meters, "send");
        this.rabbit = rabbit;
        this.exchange = exchange;
        this.codec = codec;
        this.confirmTimeout = confirmTimeout;
        this.maxCommands = maxCommands;
        this.maxBytes = maxBytes;
        this.inFlight = new Semaphore(maxInFlight);
        this.handed = new ArrayBlockingQueue<>(maxWaiting);
        int instance = INSTANCES.getAndIncrement();
        this.thread = Thread.ofPlatform().name("chat-write-publisher-" + instance).daemon().unstarted(this::run);
        this.thread.start();
        this.watchdog = Thread.ofPlatform().name("chat-write-watchdog-" + instance).daemon().unstarted(this::watch);
        this.watchdog.start();
    }

    private static Counter failed(MeterRegistry meters, String reason) {
        return Counter.builder("chat.publish.failed").tag("reason", reason)
                .description("Commands that failed to publish (answered 503)").register(meters);
    }

    /** Hands a command over; the future completes when the broker confirmed it, or fails. */
    public CompletableFuture<Void> send(String routingKey, byte[] command) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        if (!running || !handed.offer(new Handed(routingKey, command, confirmed, System.nanoTime()))) {
            confirmed.completeExceptionally(unavailable(new IllegalStateException(
                    running ? "too many commands waiting for the broker" : "the publisher is closed")));
        }
        return confirmed;
    }

    /** Waits for a command's confirm: about the confirm timeout at most (see the class comment). */
    public void await(CompletableFuture<Void> confirmed) {
        try {
            confirmed.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DependencyUnavailableException down ? down : unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    private void run() {
        while (running) {
            try {
                // One channel for as long as it works: the commands enter the broker in the order they were sent.
                rabbit.invoke(operations -> {
                    publishUntilClosed(operations);
                    return null;
                });
            } catch (AmqpException e) {
                // No channel (the broker is away), or the one we had broke: what waits now fails at once (503),
                // rather than each request waiting out the confirm timeout.
                LOG.warn("the write publisher lost its channel: {}", e.toString());
                List<Handed> waiting = new ArrayList<>();
                handed.drainTo(waiting);
                fail(waiting, unavailable(e));
                pause();
            } catch (RuntimeException e) {
                LOG.error("the write publisher failed", e);
                pause();
            }
        }
    }

    private void publishUntilClosed(RabbitOperations operations) {
        List<Handed> group = new ArrayList<>(maxCommands);
        while (running) {
            try {
                Handed first = handed.take();
                if (first.confirmed().isDone()) {
                    continue; // the watchdog gave up on it: its request has answered 503 already
                }
                // Wait for a place among the groups in flight: meanwhile the next commands gather behind.
                boolean place = inFlight.tryAcquire(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!place) {
                    LOG.warn("no confirm from the broker within {}: sending the next group anyway", confirmTimeout);
                }
                group.add(first);
                gather(group, first.command().length);
                publish(operations, List.copyOf(group), place);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void gather(List<Handed> group, int bytes) {
        Handed next;
        while (group.size() < maxCommands && (next = handed.peek()) != null
                && bytes + next.command().length + 1 <= maxBytes) {
            handed.poll();
            if (!next.confirmed().isDone()) {
                group.add(next);
                bytes += next.command().length + 1;
            }
        }
    }

    /** {@code place}: the group holds a place among those in flight, to give back when its confirm comes. */
    private void publish(RabbitOperations operations, List<Handed> group, boolean place) {
        CorrelationData correlation = new CorrelationData();
        try {
            sending = new Sending(group, System.nanoTime());
            operations.send(exchange, routingKey(group),
                    ConfirmedPublisher.commands(codec, group.stream().map(Handed::command).toList()), correlation);
            sending = null;
        } catch (AmqpException e) {
            sending = null;
            if (place) {
                inFlight.release();
            }
            sendFailed.increment(group.size());
            fail(group, unavailable(e));
            throw e; // leave this channel: the next group goes on a new one
        }
        long sent = System.nanoTime();
        correlation.getFuture().orTimeout(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((confirm, error) -> {
            if (place) {
                inFlight.release();
            }
            confirms.record(System.nanoTime() - sent, TimeUnit.NANOSECONDS);
            DependencyUnavailableException refused = error != null
                    ? unavailable(error instanceof Exception e ? e : new IllegalStateException(error))
                    : ConfirmedPublisher.refusal(correlation, confirm);
            if (refused != null) {
                (error != null ? timedOut : nacked).increment(group.size());
                fail(group, refused);
            } else {
                commands.increment(group.size());
                group.forEach(command -> command.confirmed().complete(null));
            }
        });
    }

    /** Fails what has waited the confirm timeout before (or while) being sent. */
    private void watch() {
        long limit = confirmTimeout.toNanos();
        long tick = Math.clamp(confirmTimeout.toMillis() / 20, 10, 100);
        while (running) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            Sending stuck = sending;
            if (stuck != null && now - stuck.since() > limit) {
                timedOut.increment(stuck.group().size());
                fail(stuck.group(), unavailable(new IllegalStateException("the broker took no command for " + confirmTimeout)));
            }
            for (Handed waiting : handed) {
                if (now - waiting.since() > limit && !waiting.confirmed().isDone()) {
                    timedOut.increment();
                    waiting.confirmed().completeExceptionally(unavailable(
                            new IllegalStateException("no place to send a command for " + confirmTimeout)));
                }
            }
        }
    }

    /** A lone command goes with its own key; an envelope with the envelope key of the same partition. */
    private static String routingKey(List<Handed> group) {
        String first = group.getFirst().routingKey();
        return group.size() == 1 ? first : WriteTopology.envelopeKey(first);
    }

    private static void fail(List<Handed> group, DependencyUnavailableException error) {
        group.forEach(command -> command.confirmed().completeExceptionally(error));
    }

    private static DependencyUnavailableException unavailable(Exception cause) {
        return ConfirmedPublisher.unavailable(cause);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        watchdog.interrupt();
        List<Handed> left = new ArrayList<>();
        handed.drainTo(left);
        fail(left, unavailable(new IllegalStateException("the publisher is closed")));
    }
}
