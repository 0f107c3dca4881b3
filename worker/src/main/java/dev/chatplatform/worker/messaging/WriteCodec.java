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
            AppId app = new AppId(integer(node, "app_id"));
            Instant createdAt = Instant.parse(text(node, "created_at"));
            Instant updatedAt = Instant.parse(text(node, "updated_at"));
            return switch (kind) {
                case WriteTopology.CHAT_KEY -> {
                    JsonNode title = node.path("title");
                    yield new ChatWrite(new Chat(app, new ChatNumber(integer(node, "number")),
                            title.isNull() || title.isMissingNode() ? null : new ChatTitle(text(node, "title")),
                            0, null, createdAt, updatedAt));
                }
                case WriteTopology.MESSAGE_KEY -> new MessageWrite(new Message(app,
                        new ChatNumber(integer(node, "chat_number")),
                        new MessageNumber(integer(node, "number")),
                        new MessageBody(text(node, "body")), createdAt, updatedAt));
                default -> throw new PoisonCommandException("unknown command kind '" + kind + "'", null);
            };
        } catch (JacksonException | InvalidValueException | java.time.format.DateTimeParseException e) {
            throw new PoisonCommandException("unreadable write command: " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonCommandException("invalid write command: " + e.getMessage(), e);
        }
    }

    /** The encoder writes strings as strings: {@code "body": 42} is not quietly read as "42". */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.required(field);
        if (!value.isString()) {
            throw new PoisonCommandException("invalid write command: " + field + " is not a string", null);
        }
        return value.asString();
    }

    /** The encoder writes numbers as integers: {@code "number": "5"} or {@code 1.5} is not quietly converted. */
    private static long integer(JsonNode node, String field) {
        JsonNode value = node.required(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new PoisonCommandException("invalid write command: " + field + " is not an integer", null);
        }
        return value.asLong();
    }
}
