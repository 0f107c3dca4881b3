package dev.chatplatform.worker.messaging;

import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The wire format of write commands: a small JSON object carrying the full new state. Decoding goes
 * through the domain's constructors, so a command obeys the same rules as an HTTP request.
 */
public final class WriteCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public sealed interface Write {
    }

    public record ChatWrite(Chat chat) implements Write {
    }

    public record MessageWrite(Message message) implements Write {
    }

    /** A command that can never be applied: it goes to the dead-letter queue, not back to the queue. */
    public static final class PoisonCommandException extends RuntimeException {
        public PoisonCommandException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public byte[] encode(Chat chat) {
        ObjectNode node = JSON.createObjectNode()
                .put("kind", WriteTopology.CHAT_KEY)
                .put("app_id", chat.appId().value())
                .put("number", chat.number().value())
                .put("title", chat.optionalTitle().map(ChatTitle::value).orElse(null))
                .put("created_at", chat.createdAt().toString())
                .put("updated_at", chat.updatedAt().toString());
        return JSON.writeValueAsBytes(node);
    }

    public byte[] encode(Message message) {
        ObjectNode node = JSON.createObjectNode()
                .put("kind", WriteTopology.MESSAGE_KEY)
                .put("app_id", message.appId().value())
                .put("chat_number", message.chatNumber().value())
                .put("number", message.number().value())
                .put("body", message.body().value())
                .put("created_at", message.createdAt().toString())
                .put("updated_at", message.updatedAt().toString());
        return JSON.writeValueAsBytes(node);
    }

    public Write decode(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            String kind = node.path("kind").asString("");
            AppId app = new AppId(node.required("app_id").asLong());
            Instant createdAt = Instant.parse(node.required("created_at").asString());
            Instant updatedAt = Instant.parse(node.required("updated_at").asString());
            return switch (kind) {
                case WriteTopology.CHAT_KEY -> {
                    JsonNode title = node.path("title");
                    yield new ChatWrite(new Chat(app, new ChatNumber(node.required("number").asLong()),
                            title.isNull() || title.isMissingNode() ? null : new ChatTitle(title.asString()),
                            0, null, createdAt, updatedAt));
                }
                case WriteTopology.MESSAGE_KEY -> new MessageWrite(new Message(app,
                        new ChatNumber(node.required("chat_number").asLong()),
                        new MessageNumber(node.required("number").asLong()),
                        new MessageBody(node.required("body").asString()), createdAt, updatedAt));
                default -> throw new PoisonCommandException("unknown command kind '" + kind + "'", null);
            };
        } catch (JacksonException | InvalidValueException | java.time.format.DateTimeParseException e) {
            throw new PoisonCommandException("unreadable write command: " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonCommandException("invalid write command: " + e.getMessage(), e);
        }
    }
}
