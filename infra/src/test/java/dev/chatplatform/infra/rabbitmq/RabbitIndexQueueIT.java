package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.application.contract.IndexQueueContract;
import dev.chatplatform.application.mothers.Messages;
import dev.chatplatform.application.port.out.IndexQueue;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index queue's adapter on the real broker, held to the contract its fake is held to: what the worker
 * hands over is in {@code chat.writes.index}, persistent, in the format the index listener reads. And an
 * upgraded broker loses the binding older versions declared, so a message is no longer stored twice.
 */
class RabbitIndexQueueIT extends IndexQueueContract {

    private static final WriteCodec CODEC = new WriteCodec();
    private static RabbitTestBroker broker;
    private static RabbitIndexQueue queue;

    @BeforeAll
    static void broker() {
        broker = new RabbitTestBroker();
        queue = new RabbitIndexQueue(broker.template(), CODEC, Duration.ofSeconds(5));
    }

    @AfterAll
    static void cleanUp() {
        broker.close();
    }

    @Override
    protected IndexQueue queue() {
        return queue;
    }

    @Override
    protected List<Message> take(List<AppId> apps) {
        List<Message> taken = new ArrayList<>();
        for (org.springframework.amqp.core.Message delivered = broker.template().receive(WriteTopology.INDEX_QUEUE, 1_000);
             delivered != null; delivered = broker.template().receive(WriteTopology.INDEX_QUEUE, 200)) {
            assertThat(delivered.getMessageProperties().getReceivedDeliveryMode().name()).isEqualTo("PERSISTENT");
            List<WriteCodec.Write> writes = delivered.getMessageProperties().getHeader(WriteTopology.COMMANDS_HEADER) == null
                    ? List.of(CODEC.decode(delivered.getBody()))
                    : CODEC.decodeEnvelope(delivered.getBody()).stream().map(member -> ((WriteCodec.Readable) member).write()).toList();
            for (WriteCodec.Write write : writes) {
                Message message = ((WriteCodec.MessageWrite) write).message();
                if (apps.contains(message.appId())) {
                    taken.add(message);
                }
            }
        }
        return taken;
    }

    @Test
    void aBatchTravelsAsOneEnvelopeCutAtItsMaximum() {
        List<Message> batch = new ArrayList<>();
        for (int n = 1; n <= RabbitIndexQueue.MAX_COMMANDS + 5; n++) {
            batch.add(Messages.aMessage().numbered(n).withBody("indexed " + n).build());
        }

        queue.enqueue(batch);

        List<Integer> envelopes = new ArrayList<>();
        for (org.springframework.amqp.core.Message delivered = broker.template().receive(WriteTopology.INDEX_QUEUE, 1_000);
             delivered != null; delivered = broker.template().receive(WriteTopology.INDEX_QUEUE, 200)) {
            envelopes.add(delivered.getMessageProperties().getHeader(WriteTopology.COMMANDS_HEADER));
        }
        assertThat(envelopes).containsExactly(RabbitIndexQueue.MAX_COMMANDS, 5);
    }

    @Test
    void aBrokerUpgradedFromTheOlderTopologiesLosesTheOldBindingsOnConnecting() {
        broker.declare(new Binding(WriteTopology.INDEX_QUEUE, Binding.DestinationType.QUEUE, WriteTopology.EXCHANGE,
                WriteTopology.MESSAGE_KEY, null));
        broker.declare(new Binding(WriteTopology.PERSIST_QUEUE, Binding.DestinationType.QUEUE, WriteTopology.EXCHANGE,
                "#", null));
        assertThat(routedToTheIndexQueue()).as("the old binding, as an older version left it").isTrue();
        assertThat(partitionedCommandCopiedToTheUnpartitionedQueue()).as("the old catch-all binding").isTrue();

        CachingConnectionFactory upgraded = new CachingConnectionFactory(broker.connections.getRabbitConnectionFactory());
        try {
            new RabbitMqConfiguration().dropLegacyBindings(upgraded).afterSingletonsInstantiated();
            upgraded.createConnection().close();
        } finally {
            upgraded.destroy();
        }

        assertThat(routedToTheIndexQueue()).as("a message command reaches the persist queue only").isFalse();
        assertThat(partitionedCommandCopiedToTheUnpartitionedQueue()).as("a partition's command, its queue only").isFalse();
    }

    private static boolean partitionedCommandCopiedToTheUnpartitionedQueue() {
        broker.template().convertAndSend(WriteTopology.EXCHANGE, WriteTopology.routingKey(WriteTopology.MESSAGE_KEY, 0),
                CODEC.encode(Messages.aMessage().build()));
        assertThat(broker.template().receive(WriteTopology.persistQueue(0), 1_000)).isNotNull();
        return broker.template().receive(WriteTopology.PERSIST_QUEUE, 500) != null;
    }

    private static boolean routedToTheIndexQueue() {
        broker.template().convertAndSend(WriteTopology.EXCHANGE, WriteTopology.MESSAGE_KEY,
                CODEC.encode(Messages.aMessage().build()));
        boolean routed = broker.template().receive(WriteTopology.INDEX_QUEUE, 1_000) != null;
        broker.template().receive(WriteTopology.PERSIST_QUEUE, 1_000);
        return routed;
    }
}
