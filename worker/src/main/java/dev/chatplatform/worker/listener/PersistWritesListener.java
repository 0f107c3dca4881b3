package dev.chatplatform.worker.listener;

import dev.chatplatform.infra.observability.CommandTracing;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

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
 */
@Component
public class PersistWritesListener {

    private static final Logger LOG = LoggerFactory.getLogger(PersistWritesListener.class);

    /** Deliveries of an envelope before a command that keeps failing in it is dead-lettered alone. */
    static final int ENVELOPE_ATTEMPTS = 3;

    private final PersistWritesUseCase persistWrites;
    private final WriteCodec codec;
    private final CommandDeliveries deliveries;
    private final int maxCommands;
    private final Counter persisted;

    @Autowired
    public PersistWritesListener(PersistWritesUseCase persistWrites, WriteCodec codec, RabbitDeadLetters deadLetters,
                                 MeterRegistry meters, @Value("${chat.worker.max-commands:2000}") int maxCommands,
                                 CommandTracing tracing) {
        this.persistWrites = persistWrites;
        this.codec = codec;
        this.deliveries = new CommandDeliveries(WriteTopology.PERSIST_QUEUE, "persist", codec, deadLetters, meters, tracing);
        this.maxCommands = maxCommands;
        this.persisted = meters.counter("chat.worker.persisted");
    }

    PersistWritesListener(PersistWritesUseCase persistWrites, WriteCodec codec, RabbitDeadLetters deadLetters,
                          MeterRegistry meters, int maxCommands) {
        this(persistWrites, codec, deadLetters, meters, maxCommands, CommandTracing.off());
    }

    /**
     * One consumer per worker, and the queue lets only one consumer of all workers take deliveries
     * (single active consumer): batches commit, and their events are published, in queue order.
     */
    @RabbitListener(queues = WriteTopology.PERSIST_QUEUE, containerFactory = "writeBatchListenerFactory",
            concurrency = "1")
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
            for (Delivery delivery : transaction) {
                channel.basicAck(delivery.tag(), false);
            }
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
