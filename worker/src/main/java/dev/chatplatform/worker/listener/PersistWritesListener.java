package dev.chatplatform.worker.listener;

import dev.chatplatform.infra.wire.WriteTopology;
import dev.chatplatform.infra.wire.WriteCodec;

import com.rabbitmq.client.Channel;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.in.PersistWritesUseCase;
import dev.chatplatform.worker.listener.CommandDeliveries.Decoded;
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
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Persists batches of write commands and acknowledges them only after the database commit. A batch
 * that fails for a reason other than a down dependency is retried one command at a time, so one
 * poison command is requeued (and dead-lettered at the delivery limit) without holding up the rest.
 */
@Component
public class PersistWritesListener {

    private static final Logger LOG = LoggerFactory.getLogger(PersistWritesListener.class);

    private final PersistWritesUseCase persistWrites;
    private final CommandDeliveries deliveries;
    private final Counter persisted;

    public PersistWritesListener(PersistWritesUseCase persistWrites, WriteCodec codec, MeterRegistry meters) {
        this.persistWrites = persistWrites;
        this.deliveries = new CommandDeliveries(WriteTopology.PERSIST_QUEUE, codec, meters);
        this.persisted = meters.counter("chat.worker.persisted");
    }

    /**
     * One consumer per worker, and the queue lets only one consumer of all workers take deliveries
     * (single active consumer): batches commit, and their events are published, in queue order.
     */
    @RabbitListener(queues = WriteTopology.PERSIST_QUEUE, containerFactory = "writeBatchListenerFactory",
            concurrency = "1")
    public void onBatch(List<org.springframework.amqp.core.Message> batch, Channel channel) throws IOException {
        List<Decoded> decoded = deliveries.decode(batch, channel);
        if (decoded.isEmpty()) {
            return;
        }
        try {
            Backoff.untilAvailable(() -> {
                persist(decoded);
                return null;
            }, LOG, "persisting a batch");
            for (Decoded command : decoded) {
                channel.basicAck(command.tag(), false);
            }
            persisted.increment(decoded.size());
        } catch (DependencyUnavailableException shuttingDown) {
            throw shuttingDown; // Backoff gives up only when interrupted: leave the batch unacked for redelivery
        } catch (RuntimeException batchFailure) {
            LOG.warn("batch of {} failed ({}), retrying one by one", decoded.size(), batchFailure.toString());
            for (Decoded command : decoded) {
                persistAlone(command, channel);
            }
        }
    }

    private void persistAlone(Decoded command, Channel channel) throws IOException {
        try {
            Backoff.untilAvailable(() -> {
                persist(List.of(command));
                return null;
            }, LOG, "persisting a command");
            channel.basicAck(command.tag(), false);
            persisted.increment();
        } catch (DependencyUnavailableException shuttingDown) {
            throw shuttingDown;
        } catch (RuntimeException e) {
            LOG.error("command failed (delivery {}), requeueing; the queue dead-letters it after {} deliveries",
                    command.tag(), WriteTopology.PERSIST_DELIVERY_LIMIT, e);
            channel.basicNack(command.tag(), false, true);
        }
    }

    private void persist(List<Decoded> commands) {
        List<User> users = new ArrayList<>();
        List<Chat> chats = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        List<ReactionAdded> reactions = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        for (Decoded command : commands) {
            switch (command.write()) {
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
