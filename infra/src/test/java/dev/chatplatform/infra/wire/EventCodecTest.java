package dev.chatplatform.infra.wire;


import dev.chatplatform.application.ChatEvent;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final AppId app = new AppId(7);
    private final ChatNumber chat = new ChatNumber(3);
    private final Instant t0 = Instant.parse("2026-11-23T08:15:30.123456Z");

    @Test
    void everyKindOfEventSurvivesTheWireInOrder() {
        Message created = new Message(app, chat, new MessageNumber(1), new MessageBody("hi"), new UserId("ann"), null, t0, t0);
        Message edited = created.edit(new MessageBody("edited"), t0.plusSeconds(5));
        Reaction reaction = new Reaction(app, chat, new MessageNumber(1), new UserId("bob"), new ReactionType("clap"), 3,
                t0, t0.plusSeconds(1));
        Receipt receipt = new Receipt(app, chat, new UserId("bob"), 1, 1, t0.plusSeconds(2));
        List<ChatEvent> events = List.of(new ChatEvent.MessageChanged(created), new ChatEvent.ReactionChanged(reaction),
                new ChatEvent.MessageChanged(edited), new ChatEvent.ReceiptChanged(receipt));

        EventCodec.ChatEvents decoded = codec.decode(codec.encode(new EventCodec.ChatEvents(app, chat, events)));

        assertThat(decoded).isEqualTo(new EventCodec.ChatEvents(app, chat, events));
        assertThat(EventTopology.routingKey(app, chat)).isEqualTo("7.3");
    }

    @Test
    void aRoutingKeyNamesItsChat() {
        assertThat(EventTopology.chatOf(EventTopology.routingKey(app, chat)))
                .contains(new EventTopology.Chat(app, chat));
        assertThat(EventTopology.chatOf("7")).isEmpty();
        assertThat(EventTopology.chatOf("7.")).isEmpty();
        assertThat(EventTopology.chatOf("a.b")).isEmpty();
        assertThat(EventTopology.chatOf(null)).isEmpty();
    }

    @Test
    void anEventOfAnotherChatIsRefused() {
        Message other = new Message(app, new ChatNumber(4), new MessageNumber(1), new MessageBody("hi"), t0, t0);

        assertThatThrownBy(() -> codec.encode(new EventCodec.ChatEvents(app, chat, List.of(new ChatEvent.MessageChanged(other)))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
