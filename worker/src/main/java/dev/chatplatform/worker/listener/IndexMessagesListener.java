package dev.chatplatform.worker.listener;

import dev.chatplatform.infra.observability.CommandTracing;
import dev.chatplatform.infra.wire.WriteTopology;
import dev.chatplatform.infra.wire.WriteCodec;

import com.rabbitmq.client.Channel;
import dev.chatplatform.application.port.in.IndexMessagesUseCase;
import dev.chatplatform.infra.rabbitmq.RabbitDeadLetters;
import dev.chatplatform.worker.listener.CommandDeliveries.Delivery;
import dev.chatplatform.domain.message.Message;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk-indexes message states. While Elasticsearch is down the batch waits here unacknowledged and the
 * index queue grows; persistence, on its own queue, is not affected. Documents the index rejects for
 * good are dead-lettered: a lone command with its delivery, one of an envelope alone.
 */
@Component
public class IndexMessagesListener {

    private static final Logger LOG = LoggerFactory.getLogger(IndexMessagesListener.class);

    private final IndexMessagesUseCase indexMessages;
    private final WriteCodec codec;
    private final CommandDeliveries deliveries;
    private final int maxCommands;
    private final Counter indexed;

    public IndexMessagesListener(IndexMessagesUseCase indexMessages, WriteCodec codec, RabbitDeadLetters deadLetters,
                                 MeterRegistry meters, @Value("${chat.worker.max-commands:2000}") int maxCommands,
                                 CommandTracing tracing) {
        this.indexMessages = indexMessages;
        this.maxCommands = maxCommands;
        this.codec = codec;
        this.deliveries = new CommandDeliveries(WriteTopology.INDEX_QUEUE, "index", codec, deadLetters, meters, tracing);
        this.indexed = meters.counter("chat.worker.indexed");
    }

    /** Indexes the batch in bulk requests of whole deliveries, each of at most {@code chat.worker.max-commands}. */
    @RabbitListener(queues = WriteTopology.INDEX_QUEUE, containerFactory = "writeBatchListenerFactory")
    public void onBatch(List<org.springframework.amqp.core.Message> batch, Channel channel) throws IOException {
        for (List<Delivery> bulk : CommandDeliveries.cut(deliveries.decode(batch, channel), maxCommands)) {
            deliveries.measure(bulk, () -> indexAndAck(bulk, channel));
        }
    }

    private void indexAndAck(List<Delivery> decoded, Channel channel) throws IOException {
        Map<Message, Delivery> deliveryOf = new IdentityHashMap<>();
        List<Message> messages = new ArrayList<>();
        for (Delivery delivery : decoded) {
            for (WriteCodec.Write write : delivery.writes()) {
                if (write instanceof WriteCodec.MessageWrite message) { // only messages are indexed
                    messages.add(message.message());
                    deliveryOf.put(message.message(), delivery);
                }
            }
        }
        List<Message> rejected = messages.isEmpty() ? List.of()
                : Backoff.untilAvailable(() -> indexMessages.index(messages), LOG, "indexing a batch");
        Set<Long> rejectedAlone = new HashSet<>();
        for (Message message : rejected) {
            Delivery delivery = deliveryOf.get(message);
            String reason = "the index rejected message " + message.number().value();
            if (delivery.envelope()) {
                deliveries.deadLetterAlone(codec.encode(message), reason);
            } else {
                deliveries.deadLetter(channel, delivery.tag(), reason);
                rejectedAlone.add(delivery.tag());
            }
        }
        for (Delivery delivery : decoded) {
            if (!rejectedAlone.contains(delivery.tag())) {
                channel.basicAck(delivery.tag(), false);
            }
        }
        indexed.increment(messages.size() - rejected.size());
    }
}
