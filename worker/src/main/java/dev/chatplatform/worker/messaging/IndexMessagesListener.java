package dev.chatplatform.worker.messaging;

import com.rabbitmq.client.Channel;
import dev.chatplatform.application.port.in.IndexMessagesUseCase;
import dev.chatplatform.domain.message.Message;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk-indexes message states. While Elasticsearch is down the batch waits here unacknowledged and the
 * index queue grows; persistence, on its own queue, is not affected. Documents the index rejects for
 * good are dead-lettered.
 */
@Component
public class IndexMessagesListener {

    private static final Logger LOG = LoggerFactory.getLogger(IndexMessagesListener.class);

    private final IndexMessagesUseCase indexMessages;
    private final WriteCodec codec;
    private final Counter indexed;
    private final Counter poisoned;

    public IndexMessagesListener(IndexMessagesUseCase indexMessages, WriteCodec codec, MeterRegistry meters) {
        this.indexMessages = indexMessages;
        this.codec = codec;
        this.indexed = meters.counter("chat.worker.indexed");
        this.poisoned = meters.counter("chat.worker.dead_lettered", "queue", WriteTopology.INDEX_QUEUE);
    }

    @RabbitListener(queues = WriteTopology.INDEX_QUEUE, containerFactory = "writeBatchListenerFactory")
    public void onBatch(List<org.springframework.amqp.core.Message> deliveries, Channel channel) throws IOException {
        Map<Message, Long> tags = new IdentityHashMap<>();
        List<Message> messages = new ArrayList<>(deliveries.size());
        for (org.springframework.amqp.core.Message delivery : deliveries) {
            long tag = delivery.getMessageProperties().getDeliveryTag();
            try {
                if (codec.decode(delivery.getBody()) instanceof WriteCodec.MessageWrite write) {
                    messages.add(write.message());
                    tags.put(write.message(), tag);
                } else {
                    channel.basicAck(tag, false); // only messages are indexed
                }
            } catch (WriteCodec.PoisonCommandException e) {
                LOG.error("dead-lettering unreadable command (delivery {}): {}", tag, e.getMessage());
                poisoned.increment();
                channel.basicReject(tag, false);
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        List<Message> rejected = Backoff.untilAvailable(() -> indexMessages.index(messages), LOG, "indexing a batch");
        for (Message message : rejected) {
            poisoned.increment();
            channel.basicReject(tags.remove(message), false);
        }
        for (long tag : tags.values()) {
            channel.basicAck(tag, false);
        }
        indexed.increment(tags.size());
    }
}
