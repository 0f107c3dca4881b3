package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.infra.wire.WriteTopology;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * Dead-letters one command of an envelope on its own: the broker can only dead-letter whole messages, and
 * the other commands of the envelope are fine. The command goes to the dead-letter exchange as the broker
 * would have sent it there, with the queue it came from and the reason in headers; the call returns once
 * the broker has confirmed it (so the envelope may be acknowledged after).
 */
@Component
public class RabbitDeadLetters {

    public static final String QUEUE_HEADER = "chat-dead-letter-queue";
    public static final String REASON_HEADER = "chat-dead-letter-reason";

    private final ConfirmedPublisher publisher;

    public RabbitDeadLetters(RabbitTemplate rabbit, @Value("${chat.queue.confirm-timeout:PT5S}") Duration confirmTimeout) {
        this.publisher = new ConfirmedPublisher(rabbit, confirmTimeout);
    }

    public void deadLetter(String queue, byte[] command, String reason) {
        publisher.awaitConfirm(publisher.send(WriteTopology.DEAD_LETTER_EXCHANGE, queue,
                ConfirmedPublisher.persistent(command, Map.of(QUEUE_HEADER, queue, REASON_HEADER, reason))));
    }
}
