package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.infra.observability.CommandTracing;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Hands persisted messages to {@code chat.writes.index} as the message commands the index listener reads
 * (the encoding the API's commands have), straight to the queue through the default exchange: one envelope
 * per batch, cut at {@value #MAX_COMMANDS} commands, sent together and then confirmed together.
 */
@Component
public class RabbitIndexQueue implements IndexQueue {

    /** The default exchange routes a message to the queue its routing key names. */
    private static final String DEFAULT_EXCHANGE = "";
    static final int MAX_COMMANDS = 1_000;

    private final ConfirmedPublisher publisher;
    private final WriteCodec codec;
    private final CommandTracing tracing;

    @Autowired
    public RabbitIndexQueue(RabbitTemplate rabbit, WriteCodec codec,
                            @Value("${chat.queue.confirm-timeout:PT5S}") Duration confirmTimeout, CommandTracing tracing) {
        this.publisher = new ConfirmedPublisher(rabbit, confirmTimeout);
        this.codec = codec;
        this.tracing = tracing;
    }

    public RabbitIndexQueue(RabbitTemplate rabbit, WriteCodec codec, Duration confirmTimeout) {
        this(rabbit, codec, confirmTimeout, CommandTracing.off());
    }

    @Override
    public void enqueue(List<Message> messages) {
        // The batch's span, when it serves a traced write: the index listener's span joins its trace.
        String trace = tracing.currentTraceparent();
        List<CorrelationData> sent = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += MAX_COMMANDS) {
            List<byte[]> commands = messages.subList(from, Math.min(messages.size(), from + MAX_COMMANDS)).stream()
                    .map(message -> codec.traced(codec.encode(message), trace)).toList();
            sent.add(publisher.send(DEFAULT_EXCHANGE, WriteTopology.INDEX_QUEUE, ConfirmedPublisher.commands(codec, commands)));
        }
        sent.forEach(publisher::awaitConfirm);
    }
}
