package dev.chatplatform.adapters.rest.event;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventFramesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AppId APP = new AppId(7);
    private static final ChatNumber CHAT = new ChatNumber(3);
    private static final Instant CREATED = Instant.parse("2026-11-23T08:15:30.123456Z");
    private static final Instant EDITED = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aNewMessageIsAMessageCreatedFrameShapedLikeTheRestMessage() {
        Message message = new Message(APP, CHAT, new MessageNumber(12), new MessageBody("hi"), new UserId("ann"), null,
                CREATED, CREATED);

        JsonNode frame = JSON.readTree(EventFrames.encode(new ChatEvent.MessageChanged(message)));

        assertThat(frame.get("type").asString()).isEqualTo("message.created");
        assertThat(frame.get("chat_number").asLong()).isEqualTo(3);
        assertThat(frame.get("message_number").asLong()).isEqualTo(12);
        JsonNode data = frame.get("data");
        assertThat(data.get("number").asLong()).isEqualTo(12);
        assertThat(data.get("chat_number").asLong()).isEqualTo(3);
        assertThat(data.get("body").asString()).isEqualTo("hi");
        assertThat(data.get("sender").asString()).isEqualTo("ann");
        assertThat(data.get("created_at").asString()).isEqualTo("2026-11-23T08:15:30.123Z");
        assertThat(data.get("status").asString()).isEqualTo("sent");
        assertThat(data.has("reaction_counts")).isTrue();
    }

    @Test
    void anEditIsAMessageUpdatedFrame() {
        Message message = new Message(APP, CHAT, new MessageNumber(12), new MessageBody("hi"), CREATED, CREATED)
                .edit(new MessageBody("edited"), EDITED);

        JsonNode frame = JSON.readTree(EventFrames.encode(new ChatEvent.MessageChanged(message)));

        assertThat(frame.get("type").asString()).isEqualTo("message.updated");
        assertThat(frame.get("data").get("updated_at").asString()).isEqualTo("2026-11-23T09:00:00.000Z");
    }

    @Test
    void aReactionFrameCarriesItsMessageNumberAndScore() {
        Reaction reaction = new Reaction(APP, CHAT, new MessageNumber(12), new UserId("bob"), new ReactionType("clap"),
                5, CREATED, EDITED);

        JsonNode frame = JSON.readTree(EventFrames.encode(new ChatEvent.ReactionChanged(reaction)));

        assertThat(frame.get("type").asString()).isEqualTo("reaction.added");
        assertThat(frame.get("message_number").asLong()).isEqualTo(12);
        assertThat(frame.get("data").get("message_number").asLong()).isEqualTo(12);
        assertThat(frame.get("data").get("user_id").asString()).isEqualTo("bob");
        assertThat(frame.get("data").get("type").asString()).isEqualTo("clap");
        assertThat(frame.get("data").get("score").asLong()).isEqualTo(5);
    }

    @Test
    void aReceiptFrameHasNoMessageNumber() {
        Receipt receipt = new Receipt(APP, CHAT, new UserId("bob"), 9, 4, EDITED);

        JsonNode frame = JSON.readTree(EventFrames.encode(new ChatEvent.ReceiptChanged(receipt)));

        assertThat(frame.get("type").asString()).isEqualTo("receipt.updated");
        assertThat(frame.has("message_number")).isFalse();
        assertThat(frame.get("data").get("user_id").asString()).isEqualTo("bob");
        assertThat(frame.get("data").get("delivered_up_to").asLong()).isEqualTo(9);
        assertThat(frame.get("data").get("read_up_to").asLong()).isEqualTo(4);
    }
}
