package dev.chatplatform.infra.rabbitmq;

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
import java.util.concurrent.TimeoutException;

/**
 * Group commit for write commands. Requests hand their command to one publishing thread, which sends what
 * has gathered as one persistent, mandatory AMQP message (an envelope of commands, or the command alone)
 * and completes every request of it when the broker confirms it: the broker stores, confirms and delivers
 * once per group instead of once per command. At most {@code maxInFlight} groups wait for their confirm at
 * once; while they do, the next group gathers, so groups grow with the load and a lone request goes alone,
 * at once. Commands are sent in the order they were handed over, from one thread, on one channel.
 * <p>
 * A request waits at most the confirm timeout; a nack, a return (unroutable), a send that fails or no
 * confirm in time fails every request of the group with {@link DependencyUnavailableException}.
 */
public final class GroupCommitPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitPublisher.class);

    private record Handed(String routingKey, byte[] command, CompletableFuture<Void> confirmed) {
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
    private volatile boolean running = true;

    /** {@code exchange}: where the groups go (the write exchange; the bare benchmark endpoint has its own). */
    public GroupCommitPublisher(RabbitTemplate rabbit, String exchange, WriteCodec codec, Duration confirmTimeout,
                                int maxInFlight, int maxCommands, int maxBytes, int maxWaiting) {
        this.rabbit = rabbit;
        this.exchange = exchange;
        this.codec = codec;
        this.confirmTimeout = confirmTimeout;
        this.maxCommands = maxCommands;
        this.maxBytes = maxBytes;
        this.inFlight = new Semaphore(maxInFlight);
        this.handed = new ArrayBlockingQueue<>(maxWaiting);
        this.thread = Thread.ofPlatform().name("chat-write-publisher").daemon().unstarted(this::run);
        this.thread.start();
    }

    /** Hands a command over; the future completes when the broker confirmed it, or fails. */
    public CompletableFuture<Void> send(String routingKey, byte[] command) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        if (!running || !handed.offer(new Handed(routingKey, command, confirmed))) {
            confirmed.completeExceptionally(unavailable(new IllegalStateException(
                    running ? "too many commands waiting for the broker" : "the publisher is closed")));
        }
        return confirmed;
    }

    /** Waits for a command's confirm, at most the confirm timeout. */
    public void await(CompletableFuture<Void> confirmed) {
        try {
            confirmed.get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DependencyUnavailableException down ? down : unavailable(e);
        } catch (TimeoutException e) {
            throw unavailable(e);
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
            group.add(handed.poll());
            bytes += next.command().length + 1;
        }
    }

    /** {@code place}: the group holds a place among those in flight, to give back when its confirm comes. */
    private void publish(RabbitOperations operations, List<Handed> group, boolean place) {
        CorrelationData correlation = new CorrelationData();
        try {
            operations.send(exchange, routingKey(group),
                    ConfirmedPublisher.commands(codec, group.stream().map(Handed::command).toList()), correlation);
        } catch (AmqpException e) {
            if (place) {
                inFlight.release();
            }
            fail(group, unavailable(e));
            throw e; // leave this channel: the next group goes on a new one
        }
        correlation.getFuture().orTimeout(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((confirm, error) -> {
            if (place) {
                inFlight.release();
            }
            DependencyUnavailableException refused = error != null
                    ? unavailable(error instanceof Exception e ? e : new IllegalStateException(error))
                    : ConfirmedPublisher.refusal(correlation, confirm);
            if (refused != null) {
                fail(group, refused);
            } else {
                group.forEach(command -> command.confirmed().complete(null));
            }
        });
    }

    private static String routingKey(List<Handed> group) {
        return group.size() == 1 ? group.getFirst().routingKey() : WriteTopology.COMMANDS_KEY;
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
        List<Handed> left = new ArrayList<>();
        handed.drainTo(left);
        fail(left, unavailable(new IllegalStateException("the publisher is closed")));
    }
}
