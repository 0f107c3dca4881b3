package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.infra.wire.WriteTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One command of an envelope, dead-lettered alone, lands in the dead-letter queue as it was, with the queue it
 * came from and the reason: what an operator replaying dead letters needs.
 */
class RabbitDeadLettersIT {

    private static RabbitTestBroker broker;

    @BeforeAll
    static void broker() {
        broker = new RabbitTestBroker();
    }

    @AfterAll
    static void cleanUp() {
        broker.close();
    }

    @Test
    void aCommandDeadLetteredAloneIsInTheDeadLetterQueueWithItsOriginAndReason() {
        byte[] command = "{\"kind\":\"message\",\"body\":\"  \"}".getBytes(StandardCharsets.UTF_8);

        new RabbitDeadLetters(broker.template(), Duration.ofSeconds(5))
                .deadLetter(WriteTopology.PERSIST_QUEUE, command, "invalid write command: body is blank");

        org.springframework.amqp.core.Message dead = broker.template().receive(WriteTopology.DEAD_LETTER_QUEUE, 5_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getBody()).isEqualTo(command);
        assertThat(dead.getMessageProperties().<String>getHeader(RabbitDeadLetters.QUEUE_HEADER))
                .isEqualTo(WriteTopology.PERSIST_QUEUE);
        assertThat(dead.getMessageProperties().<String>getHeader(RabbitDeadLetters.REASON_HEADER))
                .isEqualTo("invalid write command: body is blank");
        assertThat(dead.getMessageProperties().getReceivedDeliveryMode().name()).isEqualTo("PERSISTENT");
    }
}
