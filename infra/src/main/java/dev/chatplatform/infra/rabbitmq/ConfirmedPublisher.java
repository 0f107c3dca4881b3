package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Persistent, mandatory publishes whose broker confirms are awaited: sending and awaiting are apart, so a
 * caller may send several and then wait for all of them. A nack, a return (unroutable) or no confirm
 * within the timeout is the broker being unavailable ({@link DependencyUnavailableException}).
 */
final class ConfirmedPublisher {

    private final RabbitTemplate rabbit;
    private final Duration confirmTimeout;

    ConfirmedPublisher(RabbitTemplate rabbit, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.confirmTimeout = confirmTimeout;
    }

    CorrelationData send(String exchange, String routingKey, byte[] body) {
        return send(exchange, routingKey, persistent(body, Map.of()));
    }

    CorrelationData send(String exchange, String routingKey, Message message) {
        CorrelationData correlation = new CorrelationData();
        try {
            rabbit.send(exchange, routingKey, message, correlation);
        } catch (AmqpException e) {
            throw unavailable(e);
        }
        return correlation;
    }

    void awaitConfirm(CorrelationData correlation) {
        try {
            DependencyUnavailableException refused = refusal(correlation,
                    correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS));
            if (refused != null) {
                throw refused;
            }
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /** A persistent JSON message with these headers. */
    static Message persistent(byte[] body, Map<String, Object> headers) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        headers.forEach(properties::setHeader);
        return new Message(body, properties);
    }

    /** Commands as one persistent message: a lone command as itself, several as an envelope with their count. */
    static Message commands(WriteCodec codec, List<byte[]> commands) {
        return commands.size() == 1 ? persistent(commands.getFirst(), Map.of())
                : persistent(codec.envelope(commands), Map.of(WriteTopology.COMMANDS_HEADER, commands.size()));
    }

    /** Why the broker refused a confirmed publish (a nack, or a return: unroutable); null if it took it. */
    static DependencyUnavailableException refusal(CorrelationData correlation, CorrelationData.Confirm confirm) {
        if (!confirm.ack()) {
            return unavailable(new IllegalStateException("broker nacked the message: " + confirm.reason()));
        }
        if (correlation.getReturned() != null) {
            return unavailable(new IllegalStateException("message was unroutable: " + correlation.getReturned().getReplyText()));
        }
        return null;
    }

    static DependencyUnavailableException unavailable(Exception cause) {
        return new DependencyUnavailableException("rabbitmq", cause);
    }
}
