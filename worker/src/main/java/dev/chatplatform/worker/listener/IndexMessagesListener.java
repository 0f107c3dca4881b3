package dev.chatplatform.worker.listener;

import dev.chatplatform.infra.wire.WriteTopology;
import dev.chatplatform.infra.wire.WriteCodec;

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
    private final CommandDeliveries deliveries;
    private final Counter indexed;

    public IndexMessagesListener(IndexMessagesUseCase indexMessages, WriteCodec codec, MeterRegistry meters) {
        this.indexMessages = indexMessages;
        this.deliveries = new CommandDeliveries(WriteTopology.INDEX_QUEUE, codec, meters);
        this.indexed = meters.counter("chat.worker.indexed");
    }

    @RabbitListener(queues = WriteTopology.INDEX_QUEUE, containerFactory = "writeBatchListenerFactory")
    public void onBatch(List<org.springframework.amqp.core.Message> batch, Channel channel) throws IOException {
        Map<Message, Long> tags = new IdentityHashMap<>();
        List<Message> messages = new ArrayList<>(batch.size());
        for (CommandDeliveries.Decoded command : deliveries.decode(batch, channel)) {
            if (command.write() instanceof WriteCodec.MessageWrite write) {
                messages.add(write.message());
                tags.put(write.message(), command.tag());
            } else {
                channel.basicAck(command.tag(), false); // only messages are indexed
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        List<Message> rejected = Backoff.untilAvailable(() -> indexMessages.index(messages), LOG, "indexing a batch");
        for (Message message : rejected) {
            deliveries.deadLetter(channel, tags.remove(message), "the index rejected message " + message.number().value());
        }
        for (long tag : tags.values()) {
            channel.basicAck(tag, false);
        }
        indexed.increment(tags.size());
    }
}
