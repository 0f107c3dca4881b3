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

/**
 * Persists batches of write commands and acknowledges them only after the database commit. A delivery is
 * one command or an envelope of several (what concurrent requests wrote together); a batch is cut into
 * transactions of whole deliveries of at most {@code chat.worker.max-commands} commands. A transaction that
 * fails for a reason other than a down dependency is retried one command at a time, so one poison command
 * does not hold up the rest: a lone command is requeued (and dead-lettered by the queue at its delivery
 * limit); a command that fails inside an envelope has its envelope requeued, and from the
 * {@value #ENVELOPE_ATTEMPTS}th delivery on it is dead-lettered alone and the rest of the envelope acknowledged.
 * <p>
 * One listener per persist queue, each on its own consumer thread ({@link PersistQueueListeners}): the
 * partitions persist in parallel, each in its queue's order.
 */
public class PersistWritesListener implements ChannelAwareBatchMessageListener {

    private static final Logger LOG = LoggerFactory.getLogger(PersistWritesListener.class);

    /** Deliveries of an envelope before a command that keeps failing in it is dead-lettered alone. */
    static final int ENVELOPE_ATTEMPTS = 3;

    private final PersistWritesUseCase persistWrites;
    private final WriteCodec codec;
    private final CommandDeliveries deliveries;
    private final int maxCommands;
    private final Counter persisted;

    /** The listener of persist queue {@code queue}, the name its dead letters and their meter carry. */
    public PersistWritesListener(String queue, PersistWritesUseCase persistWrites, WriteCodec codec,
                                 RabbitDeadLetters deadLetters, MeterRegistry meters, int maxCommands,
                                 CommandTracing tracing) {
        this.persistWrites = persistWrites;
        this.codec = codec;
        this.deliveries = new CommandDeliveries(queue, "persist", codec, deadLetters, meters, tracing);
        this.maxCommands = maxCommands;
        this.persisted = meters.counter("chat.worker.persisted");
    }

    PersistWritesListener(PersistWritesUseCase persistWrites, WriteCodec codec, RabbitDeadLetters deadLetters,
                          MeterRegistry meters, int maxCommands) {
        this(WriteTopology.persistQueue(0), persistWrites, codec, deadLetters, meters, maxCommands, CommandTracing.off());
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
        for (List<Delivery> transaction : CommandDeliveries.cut(deliveries.decode(batch, channel), maxCommands)) {
            deliveries.measure(transaction, () -> persistAndAck(transaction, channel));
        }
    }

    private void persistAndAck(List<Delivery> transaction, Channel channel) throws IOException {
        List<WriteCodec.Write> writes = new ArrayList<>();
        transaction.forEach(delivery -> writes.addAll(delivery.writes()));
        try {
            Backoff.untilAvailable(() -> {
                persist(writes);
                return null;
            }, LOG, "persisting a batch");
            // One ack for the transaction: every delivery before its last is settled by now (earlier transactions
            // acknowledged, poison rejected when decoded), so "multiple" acknowledges exactly this transaction's.
            channel.basicAck(transaction.getLast().tag(), true);
            persisted.increment(writes.size());
        } catch (DependencyUnavailableException shuttingDown) {
            throw shuttingDown; // Backoff gives up only when interrupted: leave the batch unacked for redelivery
        } catch (RuntimeException batchFailure) {
            LOG.warn("batch of {} commands failed ({}), retrying one by one", writes.size(), batchFailure.toString());
            for (Delivery delivery : transaction) {
                persistAlone(delivery, channel);
            }
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
