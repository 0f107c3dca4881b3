package dev.chatplatform.worker.listener;

import dev.chatplatform.infra.wire.WriteCodec;

import com.rabbitmq.client.Channel;
import dev.chatplatform.application.port.in.PersistWritesUseCase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.chatplatform.infra.wire.Writes.chatWith;
import static dev.chatplatform.infra.wire.Writes.messageFrom;
import static dev.chatplatform.infra.wire.Writes.reaction;
import static dev.chatplatform.infra.wire.Writes.receipt;
import static dev.chatplatform.infra.wire.Writes.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class PersistWritesListenerTest {

    private final WriteCodec codec = new WriteCodec();
    private final List<PersistWritesUseCase.Writes> persisted = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PersistWritesListener listener = new PersistWritesListener(persisted::add, codec, meters);
    private final Channel channel = mock(Channel.class);

    @Test
    void aBatchOfEveryKindIsPersistedAsOneWritesAndAcknowledged() throws Exception {
        List<Message> batch = List.of(delivery(1, codec.encode(user("+4915112345678"))),
                delivery(2, codec.encode(chatWith("alice", "bob"))), delivery(3, codec.encode(messageFrom("alice"))),
                delivery(4, codec.encode(reaction(2))), delivery(5, codec.encode(receipt(12, 11))));

        listener.onBatch(batch, channel);

        assertThat(persisted).containsExactly(new PersistWritesUseCase.Writes(List.of(user("+4915112345678")),
                List.of(chatWith("alice", "bob")), List.of(messageFrom("alice")), List.of(reaction(2)),
                List.of(receipt(12, 11))));
        for (long tag = 1; tag <= 5; tag++) {
            verify(channel).basicAck(tag, false);
        }
        verifyNoMoreInteractions(channel);
        assertThat(meters.counter("chat.worker.persisted").count()).isEqualTo(5);
    }

    @Test
    void aPoisonCommandIsDeadLetteredAndTheRestOfItsBatchPersisted() throws Exception {
        List<Message> batch = List.of(delivery(1, codec.encode(reaction(3))),
                delivery(2, "{\"kind\":\"reaction\",\"score\":\"lots\"}".getBytes(StandardCharsets.UTF_8)),
                delivery(3, codec.encode(receipt(1, 1))));

        listener.onBatch(batch, channel);

        assertThat(persisted).containsExactly(new PersistWritesUseCase.Writes(List.of(), List.of(), List.of(),
                List.of(reaction(3)), List.of(receipt(1, 1))));
        verify(channel).basicReject(2, false);
        verify(channel).basicAck(1, false);
        verify(channel).basicAck(3, false);
        verifyNoMoreInteractions(channel);
    }

    private static Message delivery(long tag, byte[] body) {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryTag(tag);
        return new Message(body, properties);
    }
}
