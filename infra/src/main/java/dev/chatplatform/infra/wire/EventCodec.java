package dev.chatplatform.infra.wire;

import dev.chatplatform.application.ChatEvent;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format between the worker and the API instances: one JSON object per chat and batch,
 * {@code {"app_id", "chat_number", "events": [...]}} with the events in publishing order, each the full
 * persisted state. Not the client's frame: that is the REST adapter's business ({@code EventFrames}).
 */
public final class EventCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One chat's events from one batch. */
    public record ChatEvents(AppId appId, ChatNumber chat, List<ChatEvent> events) {
        public ChatEvents {
            events = List.copyOf(events);
        }
    }

    /** Events of one chat, in order; all of them must belong to that chat. */
    public byte[] encode(ChatEvents batch) {
        ObjectNode root = JSON.createObjectNode()
                .put("app_id", batch.appId().value())
                .put("chat_number", batch.chat().value());
        ArrayNode events = root.putArray("events");
        for (ChatEvent event : batch.events()) {
            if (!event.appId().equals(batch.appId()) || !event.chat().equals(batch.chat())) {
                throw new IllegalArgumentException("an event of another chat: " + event);
            }
            ObjectNode node = events.addObject().put("type", event.kind().wireName());
            switch (event) {
                case ChatEvent.MessageChanged changed -> {
                    Message message = changed.message();
                    node.put("number", message.number().value())
                            .put("body", message.body().value())
                            .put("sender", message.sender() == null ? null : message.sender().value())
                            .put("created_at", message.createdAt().toString())
                            .put("updated_at", message.updatedAt().toString());
                }
                case ChatEvent.ReactionChanged changed -> {
                    Reaction reaction = changed.reaction();
                    node.put("message_number", reaction.message().value())
                            .put("user_id", reaction.user().value())
                            .put("reaction_type", reaction.type().value())
                            .put("score", reaction.score())
                            .put("created_at", reaction.createdAt().toString())
                            .put("updated_at", reaction.updatedAt().toString());
                }
                case ChatEvent.ReceiptChanged changed -> {
                    Receipt receipt = changed.receipt();
                    node.put("user_id", receipt.user().value())
                            .put("delivered_up_to", receipt.deliveredUpTo())
                            .put("read_up_to", receipt.readUpTo())
                            .put("updated_at", receipt.updatedAt().toString());
                }
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    /** Throws (an unchecked exception) on anything this encoder did not write. */
    public ChatEvents decode(byte[] payload) {
        JsonNode root = JSON.readTree(payload);
        AppId app = new AppId(root.required("app_id").asLong());
        ChatNumber chat = new ChatNumber(root.required("chat_number").asLong());
        List<ChatEvent> events = new ArrayList<>();
        for (JsonNode node : root.required("events")) {
            String type = node.required("type").asString();
            ChatEvent event = switch (type) {
                case "message.created", "message.updated" -> new ChatEvent.MessageChanged(new Message(app, chat,
                        new MessageNumber(node.required("number").asLong()), new MessageBody(node.required("body").asString()),
                        sender(node), ReactionSummary.EMPTY, instant(node, "created_at"), instant(node, "updated_at")));
                case "reaction.added" -> new ChatEvent.ReactionChanged(new Reaction(app, chat,
                        new MessageNumber(node.required("message_number").asLong()),
                        UserId.parse(node.required("user_id").asString(), "user_id"),
                        new ReactionType(node.required("reaction_type").asString()), node.required("score").asLong(),
                        instant(node, "created_at"), instant(node, "updated_at")));
                case "receipt.updated" -> new ChatEvent.ReceiptChanged(new Receipt(app, chat,
                        UserId.parse(node.required("user_id").asString(), "user_id"),
                        node.required("delivered_up_to").asLong(), node.required("read_up_to").asLong(),
                        instant(node, "updated_at")));
                default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
            };
            events.add(event);
        }
        return new ChatEvents(app, chat, events);
    }

    private static UserId sender(JsonNode node) {
        JsonNode sender = node.path("sender");
        return sender.isMissingNode() || sender.isNull() ? null : UserId.parse(sender.asString(), "sender");
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.required(field).asString());
    }
}
