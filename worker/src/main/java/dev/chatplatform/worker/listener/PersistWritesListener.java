package dev.chatplatform.worker.listener;

import dev.chatplatform.infra.observability.CommandTracing;
import dev.chatplatform.infra.wire.WriteTopology;
import dev.chatplatform.infra.wire.WriteCodec;

import com.rabbitmq.client.Channel;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.in.PersistWritesUseCase;
import dev.chatplatform.infra.rabbitmq.RabbitDeadLetters;
import dev.chatplatform.worker.listener.CommandDeliveries.Delivery;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Persists batches of write commands and acknowledges them only after the database commit. A delivery is
 * one command or an envelope of several (what concurrent requests wrote together); a batch is cut into
 * transactions of whole deliveries of at most {@code chat.worker.max-commands} commands. A transaction that
 * fails for a reason other than a down dependency is retried one command at a time, so one poison command
 * does not hold up the rest: a lone command is requeued (and dead-lettered by the queue at its delivery
 * limit); a command that fails inside an envelope has its envelope requeued, and from the
 * {@value #ENVELOPE_ATTEMPTS}th delivery on it is dead-lettered alone and the rest of the envelope acknowledged.
 * <p>
 * One listener per persist queue, each on its own consumer thread ({@link PersistQueueListeners}): partitions
 * persist in parallel, each in its queue's order. Within a queue, a batch of at least {@code parallelFrom}
 * commands (a backlog) is split by chat over {@code threads} threads ({@link WriteTopology#partition}), each
 * persisting its chats' commands in order, in transactions of at most {@code maxCommands}; the batch is
 * acknowledged once every part has committed, and the next batch starts only then, so a chat's commands are
 * still applied, and their events published, in queue order. Smaller batches (the steady state, a few hundred
 * commands in 50 ms) are not split: a split would only make more, smaller transactions.
 */
public class PersistWritesListener implements ChannelAwareBatchMessageListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PersistWritesListener.class);

    /** Deliveries of an envelope before a command that keeps failing in it is dead-lettered alone. */
    static final int ENVELOPE_ATTEMPTS = 3;

    private final PersistWritesUseCase persistWrites;
    private final WriteCodec codec;
    private final CommandDeliveries deliveries;
    private final int maxCommands;
    private final int threads;
    private final int parallelFrom;
    /** The threads a split batch's parts other than the first run on (the consumer thread runs the first). */
    private final ExecutorService helpers;
    private final Counter persisted;

    /**
     * The listener of persist queue {@code queue}, the name its dead letters and their meter carry; a batch of at
     * least {@code parallelFrom} commands is persisted by {@code threads} threads.
     */
    public PersistWritesListener(String queue, PersistWritesUseCase persistWrites, WriteCodec codec,
                                 RabbitDeadLetters deadLetters, MeterRegistry meters, int maxCommands, int threads,
                                 int parallelFrom, CommandTracing tracing) {
        if (threads < 1) {
            throw new IllegalArgumentException("chat.worker.persist-threads must be at least 1, was " + threads);
        }
        this.persistWrites = persistWrites;
        this.codec = codec;
        this.deliveries = new CommandDeliveries(queue, "persist", codec, deadLetters, meters, tracing);
        this.maxCommands = maxCommands;
        this.threads = threads;
        this.parallelFrom = parallelFrom;
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1,
                Thread.ofPlatform().name("persist-part-" + queue + "-", 1).daemon().factory());
        this.persisted = meters.counter("chat.worker.persisted");
    }

    PersistWritesListener(PersistWritesUseCase persistWrites, WriteCodec codec, RabbitDeadLetters deadLetters,
                          MeterRegistry meters, int maxCommands) {
        this(WriteTopology.persistQueue(0), persistWrites, codec, deadLetters, meters, maxCommands, 1, Integer.MAX_VALUE,
                CommandTracing.off());
    }

    @Override
    public void onMessageBatch(List<org.springframework.amqp.core.Message> batch, Channel channel) {
        try {
            onBatch(batch, channel);
        } catch (IOException e) {
            throw new AmqpIOException(e); // the channel broke: the container recovers, the batch comes back
        }
    }

    /**
     * One consumer per queue in a worker, and the queue lets only one consumer of all workers take deliveries
     * (single active consumer): a partition's batches commit, and their events are published, in queue order.
     */
    public void onBatch(List<org.springframework.amqp.core.Message> batch, Channel channel) throws IOException {
        List<Delivery> decoded = deliveries.decode(batch, channel);
        if (helpers != null && !decoded.isEmpty() && commands(decoded) >= parallelFrom) {
            deliveries.measure(decoded, () -> persistSplitAndAck(decoded, channel));
            return;
        }
        for (List<Delivery> transaction : CommandDeliveries.cut(decoded, maxCommands)) {
            deliveries.measure(transaction, () -> persistAndAck(transaction, channel));
        }
    }

    private static int commands(List<Delivery> deliveries) {
        int commands = 0;
        for (Delivery delivery : deliveries) {
            commands += delivery.writes().size();
        }
        return commands;
    }

    /**
     * A backlog's batch, split by chat over the threads. A part that fails for a reason other than a down
     * dependency sends the whole batch down the ordinary path (transaction by transaction, then command by
     * command): every command is idempotent, so the parts that had committed apply again as no-ops.
     */
    private void persistSplitAndAck(List<Delivery> batch, Channel channel) throws IOException {
        List<List<WriteCodec.Write>> parts = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            parts.add(new ArrayList<>());
        }
        for (Delivery delivery : batch) {
            for (WriteCodec.Write write : delivery.writes()) {
                parts.get(WriteTopology.partition(write, threads)).add(write);
            }
        }
        int commands = commands(batch);
        RuntimeException partFailure = commitAndAck(batch, commands, () -> persistParts(parts), channel);
        if (partFailure != null) {
            LOG.warn("a part of a batch of {} commands failed ({}), retrying it transaction by transaction",
                    commands, partFailure.toString());
            for (List<Delivery> transaction : CommandDeliveries.cut(batch, maxCommands)) {
                persistAndAck(transaction, channel);
            }
        }
    }

    /** Runs every part (the first on this thread), waits for all, and rethrows a failure: a down dependency first. */
    private void persistParts(List<List<WriteCodec.Write>> parts) {
        List<Future<?>> running = new ArrayList<>(parts.size());
        for (List<WriteCodec.Write> part : parts.subList(1, parts.size())) {
            running.add(helpers.submit(() -> persistInTransactions(part)));
        }
        RuntimeException failure = null;
        try {
            persistInTransactions(parts.getFirst());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> part : running) {
            try {
                part.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                failure = failure == null || cause instanceof DependencyUnavailableException ? cause : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new DependencyUnavailableException("worker", e); // shutting down: leave the batch unacked
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void persistInTransactions(List<WriteCodec.Write> part) {
        for (int from = 0; from < part.size(); from += maxCommands) {
            persist(part.subList(from, Math.min(part.size(), from + maxCommands)));
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    private void persistAndAck(List<Delivery> transaction, Channel channel) throws IOException {
        List<WriteCodec.Write> writes = new ArrayList<>();
        transaction.forEach(delivery -> writes.addAll(delivery.writes()));
        RuntimeException batchFailure = commitAndAck(transaction, writes.size(), () -> persist(writes), channel);
        if (batchFailure != null) {
            LOG.warn("batch of {} commands failed ({}), retrying one by one", writes.size(), batchFailure.toString());
            for (Delivery delivery : transaction) {
                persistAlone(delivery, channel);
            }
        }
    }

    /**
     * Runs {@code work} (again while a dependency is down), then acknowledges {@code deliveries} with one ack:
     * every delivery before their last is settled by now (earlier transactions acknowledged, poison rejected when
     * decoded), so "multiple" acknowledges exactly these.
     *
     * @return null when committed and acknowledged; the failure when the work failed otherwise, nothing
     *         acknowledged, for the caller to retry in smaller pieces
     */
    private RuntimeException commitAndAck(List<Delivery> deliveries, int commands, Runnable work, Channel channel)
            throws IOException {
        try {
            Backoff.untilAvailable(() -> {
                work.run();
                return null;
            }, LOG, "persisting a batch");
            channel.basicAck(deliveries.getLast().tag(), true);
            persisted.increment(commands);
            return null;
        } catch (DependencyUnavailableException shuttingDown) {
            throw shuttingDown; // Backoff gives up only when interrupted: leave the batch unacked for redelivery
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    private void persistAlone(Delivery delivery, Channel channel) throws IOException {
        List<WriteCodec.Write> failed = new ArrayList<>();
        for (WriteCodec.Write write : delivery.writes()) {
            try {
                Backoff.untilAvailable(() -> {
                    persist(List.of(write));
                    return null;
                }, LOG, "persisting a command");
                persisted.increment();
            } catch (DependencyUnavailableException shuttingDown) {
                throw shuttingDown;
            } catch (RuntimeException e) {
                LOG.error("command failed (delivery {}{}), requeueing; it is dead-lettered after {} deliveries",
                        delivery.tag(), delivery.envelope() ? ", in an envelope" : "",
                        delivery.envelope() ? ENVELOPE_ATTEMPTS : WriteTopology.PERSIST_DELIVERY_LIMIT, e);
                failed.add(write);
            }
        }
        if (failed.isEmpty()) {
            channel.basicAck(delivery.tag(), false);
        } else if (delivery.envelope() && delivery.earlierDeliveries() + 1 >= ENVELOPE_ATTEMPTS) {
            for (WriteCodec.Write write : failed) {
                deliveries.deadLetterAlone(codec.encode(write), "failed alone in " + ENVELOPE_ATTEMPTS + " deliveries");
            }
            channel.basicAck(delivery.tag(), false);
        } else {
            channel.basicNack(delivery.tag(), false, true); // every command is idempotent: the others apply again
        }
    }

    private void persist(List<WriteCodec.Write> commands) {
        List<User> users = new ArrayList<>();
        List<Chat> chats = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        List<ReactionAdded> reactions = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        for (WriteCodec.Write command : commands) {
            switch (command) {
                case WriteCodec.UserWrite user -> users.add(user.user());
                case WriteCodec.ChatWrite chat -> chats.add(chat.chat());
                case WriteCodec.MessageWrite message -> messages.add(message.message());
                case WriteCodec.ReactionWrite reaction -> reactions.add(reaction.reaction());
                case WriteCodec.ReceiptWrite receipt -> receipts.add(receipt.receipt());
            }
        }
        persistWrites.persist(new PersistWritesUseCase.Writes(users, chats, messages, reactions, receipts));
    }
}
