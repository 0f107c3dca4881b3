package dev.chatplatform.infra.wire;


import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionScore;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The wire format of write commands: a small JSON object carrying the full new state (a reaction: the
 * event, with its id). Decoding goes through the domain's constructors, so a command obeys the same
 * rules as an HTTP request. Timestamps are epoch milliseconds ({@link #millisOrText}). Fields added after the first release ({@code participants},
 * {@code sender}) may be missing: commands queued by an older API must still be applied after an upgrade.
 */
public final class WriteCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public sealed interface Write {

        /** When the API accepted the write (the time it stamped it with): the worker's lag is measured from it. */
        default Instant acceptedAt() {
            return switch (this) {
                case ChatWrite chat -> chat.chat().updatedAt();
                case MessageWrite message -> message.message().updatedAt();
                case UserWrite user -> user.user().updatedAt();
                case ReactionWrite reaction -> reaction.reaction().at();
                case ReceiptWrite receipt -> receipt.receipt().updatedAt();
            };
        }
    }

    /**
     * The optional field of a command that carries the trace of the request that wrote it (a W3C
     * {@code traceparent}), so the worker's spans join the request's trace (issue 13). Only sampled requests
     * carry one; a reader that does not know it ignores it.
     */
    public static final String TRACE_FIELD = "trace";

    public record ChatWrite(Chat chat) implements Write {
    }

    public record MessageWrite(Message message) implements Write {
    }

    public record UserWrite(User user) implements Write {
    }

    public record ReactionWrite(ReactionAdded reaction) implements Write {
    }

    public record ReceiptWrite(Receipt receipt) implements Write {
    }

    /** A command that can never be applied: it goes to the dead-letter queue, not back to the queue. */
    public static final class PoisonCommandException extends RuntimeException {
        public PoisonCommandException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Any command as its own encoder writes it. */
    public byte[] encode(Write write) {
        return switch (write) {
            case ChatWrite chat -> encode(chat.chat());
            case MessageWrite message -> encode(message.message());
            case UserWrite user -> encode(user.user());
            case ReactionWrite reaction -> encode(reaction.reaction());
            case ReceiptWrite receipt -> encode(receipt.receipt());
        };
    }

    public byte[] encode(Chat chat) {
        ObjectNode node = JSON.createObjectNode()
                .put("kind", WriteTopology.CHAT_KEY)
                .put("app_id", chat.appId().value())
                .put("number", chat.number().value())
                .put("title", chat.optionalTitle().map(ChatTitle::value).orElse(null));
        ArrayNode participants = node.putArray("participants");
        chat.participants().forEach(participant -> participants.add(participant.value()));
        node.set("created_at", millisOrText(chat.createdAt()))
                .set("updated_at", millisOrText(chat.updatedAt()));
        return JSON.writeValueAsBytes(node);
    }

    /** The state a client writes: the reaction summary is derived data the worker keeps, not part of the command. */
    public byte[] encode(Message message) {
        ObjectNode node = JSON.createObjectNode()
                .put("kind", WriteTopology.MESSAGE_KEY)
                .put("app_id", message.appId().value())
                .put("chat_number", message.chatNumber().value())
                .put("number", message.number().value())
                .put("body", message.body().value())
                .put("sender", message.sender() == null ? null : message.sender().value())
                .set("created_at", millisOrText(message.createdAt()))
                .set("updated_at", millisOrText(message.updatedAt()));
        return JSON.writeValueAsBytes(node);
    }

    public byte[] encode(User user) {
        ObjectNode node = JSON.createObjectNode()
                .put("kind", WriteTopology.USER_KEY)
                .put("app_id", user.appId().value())
                .put("user_id", user.id().value())
                .put("name", user.name().value())
                .put("phone", user.optionalPhone().map(Phone::value).orElse(null))
                .set("created_at", millisOrText(user.createdAt()))
                .set("updated_at", millisOrText(user.updatedAt()));
        return JSON.writeValueAsBytes(node);
    }

    public byte[] encode(ReactionAdded reaction) {
        ObjectNode node = JSON.createObjectNode()
                .put("kind", WriteTopology.REACTION_KEY)
                .put("event_id", reaction.eventId())
                .put("app_id", reaction.appId().value())
                .put("chat_number", reaction.chat().value())
                .put("message_number", reaction.message().value())
                .put("user_id", reaction.user().value())
                .put("type", reaction.type().value())
                .put("score", reaction.score().value())
                .put("at", reaction.at().toString());
        return JSON.writeValueAsBytes(node);
    }

    public byte[] encode(Receipt receipt) {
        ObjectNode node = JSON.createObjectNode()
                .put("kind", WriteTopology.RECEIPT_KEY)
                .put("app_id", receipt.appId().value())
                .put("chat_number", receipt.chat().value())
                .put("user_id", receipt.user().value())
                .put("delivered_up_to", receipt.deliveredUpTo())
                .put("read_up_to", receipt.readUpTo())
                .set("updated_at", millisOrText(receipt.updatedAt()));
        return JSON.writeValueAsBytes(node);
    }

    public Write decode(byte[] payload) {
        return decodeTraced(payload).write();
    }

    /** One command, with the trace it carries if any. */
    public Readable decodeTraced(byte[] payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new PoisonCommandException("unreadable write command: " + e.getMessage(), e);
        }
        return new Readable(decode(node), optionalTrace(node));
    }

    /** The command as {@code encode} wrote it, with {@code traceparent} added as its {@link #TRACE_FIELD}. */
    public byte[] traced(byte[] command, String traceparent) {
        if (traceparent == null || !TRACE_CONTEXT.matcher(traceparent).matches()) {
            return command;
        }
        int end = command.length - 1;
        while (end > 0 && command[end] != '}') {
            end--;
        }
        byte[] field = (",\"" + TRACE_FIELD + "\":\"" + traceparent + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] traced = Arrays.copyOf(command, end + field.length);
        System.arraycopy(field, 0, traced, end, field.length);
        return traced;
    }

    /** W3C trace context: version, trace id, parent (span) id, flags. */
    private static final Pattern TRACE_CONTEXT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private static String optionalTrace(JsonNode node) {
        JsonNode trace = node.get(TRACE_FIELD);
        return trace != null && trace.isString() && TRACE_CONTEXT.matcher(trace.asString()).matches() ? trace.asString() : null;
    }

    /**
     * Several commands as one AMQP message (the {@link WriteTopology#COMMANDS_HEADER} says how many): a JSON
     * array of the commands as {@code encode} wrote them, in the order they were given. Nothing is re-encoded.
     */
    public byte[] envelope(List<byte[]> commands) {
        int size = 2 + Math.max(0, commands.size() - 1);
        for (byte[] command : commands) {
            size += command.length;
        }
        byte[] envelope = new byte[size];
        int at = 0;
        envelope[at++] = '[';
        for (int i = 0; i < commands.size(); i++) {
            if (i > 0) {
                envelope[at++] = ',';
            }
            byte[] command = commands.get(i);
            System.arraycopy(command, 0, envelope, at, command.length);
            at += command.length;
        }
        envelope[at] = ']';
        return envelope;
    }

    /** One command of an envelope: readable, or poison with its own bytes (to dead-letter it alone). */
    public sealed interface Member {
    }

    /** {@code trace}: the command's {@link #TRACE_FIELD}, or null. */
    public record Readable(Write write, String trace) implements Member {
        public Readable(Write write) {
            this(write, null);
        }
    }

    public record Unreadable(byte[] command, String reason) implements Member {
    }

    /**
     * The commands of an envelope, in order. One unreadable command does not spoil the others: it comes back
     * as {@link Unreadable}. An envelope that is not a JSON array at all is poison as a whole.
     */
    public List<Member> decodeEnvelope(byte[] payload) {
        JsonNode array;
        try {
            array = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new PoisonCommandException("unreadable envelope of commands: " + e.getMessage(), e);
        }
        if (!array.isArray()) {
            throw new PoisonCommandException("an envelope of commands is not a JSON array", null);
        }
        List<Member> members = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            try {
                members.add(new Readable(decode(node), optionalTrace(node)));
            } catch (PoisonCommandException e) {
                members.add(new Unreadable(JSON.writeValueAsBytes(node), e.getMessage()));
            }
        }
        return members;
    }

    private static Write decode(JsonNode node) {
        try {
            String kind = node.path("kind").asString("");
            return switch (kind) {
                case WriteTopology.CHAT_KEY -> new ChatWrite(chat(node));
                case WriteTopology.MESSAGE_KEY -> new MessageWrite(message(node));
                case WriteTopology.USER_KEY -> new UserWrite(user(node));
                case WriteTopology.REACTION_KEY -> new ReactionWrite(reaction(node));
                case WriteTopology.RECEIPT_KEY -> new ReceiptWrite(receipt(node));
                default -> throw new PoisonCommandException("unknown command kind '" + kind + "'", null);
            };
        } catch (JacksonException | InvalidValueException | java.time.format.DateTimeParseException e) {
            throw new PoisonCommandException("unreadable write command: " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            throw new PoisonCommandException("invalid write command: " + e.getMessage(), e);
        }
    }

    private static Chat chat(JsonNode node) {
        String title = optionalText(node, "title");
        return new Chat(app(node), new ChatNumber(integer(node, "number")), title == null ? null : new ChatTitle(title),
                participants(node), 0, 0, null, instant(node, "created_at"), instant(node, "updated_at"));
    }

    private static Message message(JsonNode node) {
        String sender = optionalText(node, "sender");
        return new Message(app(node), new ChatNumber(integer(node, "chat_number")),
                new MessageNumber(integer(node, "number")), new MessageBody(text(node, "body")),
                sender == null ? null : UserId.parse(sender, "sender"), ReactionSummary.EMPTY,
                instant(node, "created_at"), instant(node, "updated_at"));
    }

    private static User user(JsonNode node) {
        String phone = optionalText(node, "phone");
        return new User(app(node), UserId.parse(text(node, "user_id"), "user_id"), new UserName(text(node, "name")),
                phone == null ? null : new Phone(phone), instant(node, "created_at"), instant(node, "updated_at"));
    }

    private static ReactionAdded reaction(JsonNode node) {
        return new ReactionAdded(text(node, "event_id"), app(node), new ChatNumber(integer(node, "chat_number")),
                new MessageNumber(integer(node, "message_number")), UserId.parse(text(node, "user_id"), "user_id"),
                new ReactionType(text(node, "type")), new ReactionScore(Math.toIntExact(integer(node, "score"))),
                instant(node, "at"));
    }

    private static Receipt receipt(JsonNode node) {
        return new Receipt(app(node), new ChatNumber(integer(node, "chat_number")),
                UserId.parse(text(node, "user_id"), "user_id"), integer(node, "delivered_up_to"),
                integer(node, "read_up_to"), instant(node, "updated_at"));
    }

    private static AppId app(JsonNode node) {
        return new AppId(integer(node, "app_id"));
    }

    /** Missing (a command from before participants existed) or null is none; anything but strings is poison. */
    private static List<UserId> participants(JsonNode node) {
        JsonNode value = node.path("participants");
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new PoisonCommandException("invalid write command: participants is not an array", null);
        }
        List<UserId> participants = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode participant = value.get(i);
            if (!participant.isString()) {
                throw new PoisonCommandException("invalid write command: participants[" + i + "] is not a string", null);
            }
            participants.add(UserId.parse(participant.asString(), "participants[" + i + "]"));
        }
        return participants;
    }

    /**
     * Timestamps travel as epoch milliseconds (the API makes nothing finer): a number is cheaper to write and to
     * read than ISO-8601. An instant finer than a millisecond still travels exactly, as ISO-8601 text, and so do
     * commands queued before this format: the decoder takes both.
     */
    private static JsonNode millisOrText(Instant instant) {
        return instant.getNano() % 1_000_000 == 0
                ? JSON.getNodeFactory().numberNode(instant.toEpochMilli())
                : JSON.getNodeFactory().stringNode(instant.toString());
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.required(field);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        if (!value.isString()) {
            throw new PoisonCommandException("invalid write command: " + field + " is neither epoch milliseconds nor text", null);
        }
        return Instant.parse(value.asString());
    }

    /** The encoder writes strings as strings: {@code "body": 42} is not quietly read as "42". */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.required(field);
        if (!value.isString()) {
            throw new PoisonCommandException("invalid write command: " + field + " is not a string", null);
        }
        return value.asString();
    }

    /** An optional string: missing or null is {@code null}; any other type is poison, as for a required one. */
    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : text(node, field);
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
