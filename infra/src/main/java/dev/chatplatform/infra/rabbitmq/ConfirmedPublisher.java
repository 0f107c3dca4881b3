package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.application.DependencyUnavailableException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
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
        return send(exchange, routingKey, body, Map.of());
    }

    CorrelationData send(String exchange, String routingKey, byte[] body, Map<String, Object> headers) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        headers.forEach(properties::setHeader);
        org.springframework.amqp.core.Message amqpMessage = new org.springframework.amqp.core.Message(body, properties);
        CorrelationData correlation = new CorrelationData();
        try {
            rabbit.send(exchange, routingKey, amqpMessage, correlation);
        } catch (AmqpException e) {
            throw unavailable(e);
        }
        return correlation;
    }

    void awaitConfirm(CorrelationData correlation) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                throw unavailable(new IllegalStateException("broker nacked the command: " + confirm.reason()));
            }
            if (correlation.getReturned() != null) {
                throw unavailable(new IllegalStateException("command was unroutable: " + correlation.getReturned().getReplyText()));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    private static DependencyUnavailableException unavailable(Exception cause) {
        return new DependencyUnavailableException("rabbitmq", cause);
    }
}
