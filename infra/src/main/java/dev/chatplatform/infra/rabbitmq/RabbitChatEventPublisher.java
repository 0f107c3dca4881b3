package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.infra.observability.CommandTracing;
import dev.chatplatform.infra.wire.EventTopology;

import dev.chatplatform.infra.wire.EventCodec;

import dev.chatplatform.application.ChatEvent;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.out.ChatEventPublisher;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a batch's events, one AMQP message per chat (in the batch's order), to the event exchange.
 * Transient and unconfirmed, and not mandatory: with no API instance up nobody is listening, which is
 * no failure. A broker that cannot take the message fails the batch, which is then retried.
 */
@Component
public class RabbitChatEventPublisher implements ChatEventPublisher {

    private final RabbitTemplate rabbit;
    private final EventCodec codec;
    private final CommandTracing tracing;

    public RabbitChatEventPublisher(ConnectionFactory connectionFactory, EventCodec codec, CommandTracing tracing) {
        this.rabbit = new RabbitTemplate(connectionFactory);
        this.rabbit.setMandatory(false);
        this.codec = codec;
        this.tracing = tracing;
    }

    @Override
    public void publish(List<ChatEvent> events) {
        // The batch's span, when it serves a traced write: the API's fan-out joins its trace.
        String trace = tracing.currentTraceparent();
        try {
            for (EventCodec.ChatEvents chat : byChat(events)) {
                var message = MessageBuilder.withBody(codec.encode(chat))
                        .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                        .setDeliveryMode(MessageDeliveryMode.NON_PERSISTENT);
                if (trace != null) {
                    message.setHeader(CommandTracing.TRACEPARENT_HEADER, trace);
                }
                rabbit.send(EventTopology.EXCHANGE, EventTopology.routingKey(chat.appId(), chat.chat()), message.build());
            }
        } catch (AmqpException e) {
            throw new DependencyUnavailableException("rabbitmq", e);
        }
    }

    /** Consecutive runs of the same chat, order kept (the service sorts by chat already). */
    static List<EventCodec.ChatEvents> byChat(List<ChatEvent> events) {
        List<EventCodec.ChatEvents> chats = new ArrayList<>();
        List<ChatEvent> run = new ArrayList<>();
        for (ChatEvent event : events) {
            if (!run.isEmpty() && !(run.getFirst().appId().equals(event.appId()) && run.getFirst().chat().equals(event.chat()))) {
                chats.add(new EventCodec.ChatEvents(run.getFirst().appId(), run.getFirst().chat(), run));
                run = new ArrayList<>();
            }
            run.add(event);
        }
        if (!run.isEmpty()) {
            chats.add(new EventCodec.ChatEvents(run.getFirst().appId(), run.getFirst().chat(), run));
        }
        return chats;
    }
}
