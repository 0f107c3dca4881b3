package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.application.port.out.IndexQueue;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands persisted messages to {@code chat.writes.index}, each as the message command the index listener
 * reads (the same encoding the API's commands have), straight to the queue through the default exchange.
 * The whole batch is sent, then its confirms are awaited together: one round of confirms per batch.
 */
@Component
public class RabbitIndexQueue implements IndexQueue {

    /** The default exchange routes a message to the queue its routing key names. */
    private static final String DEFAULT_EXCHANGE = "";

    private final ConfirmedPublisher publisher;
    private final WriteCodec codec;

    public RabbitIndexQueue(RabbitTemplate rabbit, WriteCodec codec,
                            @Value("${chat.queue.confirm-timeout:PT5S}") Duration confirmTimeout) {
        this.publisher = new ConfirmedPublisher(rabbit, confirmTimeout);
        this.codec = codec;
    }

    @Override
    public void enqueue(List<Message> messages) {
        List<CorrelationData> sent = new ArrayList<>(messages.size());
        for (Message message : messages) {
            sent.add(publisher.send(DEFAULT_EXCHANGE, WriteTopology.INDEX_QUEUE, codec.encode(message)));
        }
        sent.forEach(publisher::awaitConfirm);
    }
}
