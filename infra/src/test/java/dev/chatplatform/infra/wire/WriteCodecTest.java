package dev.chatplatform.infra.wire;

import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.chatplatform.infra.wire.Writes.chat;
import static dev.chatplatform.infra.wire.Writes.chatWith;
import static dev.chatplatform.infra.wire.Writes.message;
import static dev.chatplatform.infra.wire.Writes.messageFrom;
import static dev.chatplatform.infra.wire.Writes.reaction;
import static dev.chatplatform.infra.wire.Writes.receipt;
import static dev.chatplatform.infra.wire.Writes.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteCodecTest {

    private final WriteCodec codec = new WriteCodec();

    @Test
    void anEnvelopeCarriesItsCommandsInOrderUnchanged() {
        Chat chat = chat("Support");
        Message message = message("hello, \"world\" [1,2]");
        User user = user("+4915112345678");

        byte[] envelope = codec.envelope(java.util.List.of(codec.encode(chat), codec.encode(message), codec.encode(user)));

        assertThat(codec.decodeEnvelope(envelope)).containsExactly(new WriteCodec.Readable(new WriteCodec.ChatWrite(chat)),
                new WriteCodec.Readable(new WriteCodec.MessageWrite(message)), new WriteCodec.Readable(new WriteCodec.UserWrite(user)));
    }

    @Test
    void aPoisonCommandInAnEnvelopeSpoilsOnlyItself() {
        Message message = message("the good one");
        byte[] blankBody = "{\"kind\":\"message\",\"app_id\":1,\"chat_number\":1,\"number\":2,\"body\":\"  \",\"created_at\":\"2026-11-23T10:00:00Z\",\"updated_at\":\"2026-11-23T10:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        var members = codec.decodeEnvelope(codec.envelope(java.util.List.of(blankBody, codec.encode(message))));

        assertThat(members).hasSize(2);
        assertThat(members.get(0)).isInstanceOfSatisfying(WriteCodec.Unreadable.class, poison -> {
            assertThat(poison.reason()).contains("body");
            assertThatThrownBy(() -> codec.decode(poison.command())).isInstanceOf(WriteCodec.PoisonCommandException.class);
        });
        assertThat(members.get(1)).isEqualTo(new WriteCodec.Readable(new WriteCodec.MessageWrite(message)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"kind\":", "{\"kind\":\"message\"}", "42"})
    void anEnvelopeThatIsNoArrayIsPoisonAsAWhole(String payload) {
        assertThatThrownBy(() -> codec.decodeEnvelope(payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WriteCodec.PoisonCommandException.class);
    }

    @Test
    void chatWithTitleRoundTrips() {
        Chat chat = chat("Support");

        assertThat(codec.decode(codec.encode(chat))).isEqualTo(new WriteCodec.ChatWrite(chat));
    }

    @Test
    void chatWithoutTitleRoundTrips() {
        Chat chat = chat(null);

        WriteCodec.Write decoded = codec.decode(codec.encode(chat));

        assertThat(decoded).isEqualTo(new WriteCodec.ChatWrite(chat));
        assertThat(((WriteCodec.ChatWrite) decoded).chat().optionalTitle()).isEmpty();
    }

    @Test
    void messageRoundTrips() {
        Message message = message("hello");

        assertThat(codec.decode(codec.encode(message))).isEqualTo(new WriteCodec.MessageWrite(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"héllo wörld", "👋🏽 emoji with a modifier", "世界 你好", "مرحبا بالعالم", "e\u0301 combining",
            "quotes \" and \\ backslashes", "line\nbreaks\r\nand\ttabs", "\u0000 nul and \u001f control", "</script>"})
    void unicodeMessageBodyRoundTripsUnchanged(String body) {
        Message message = message(body);

        WriteCodec.Write decoded = codec.decode(codec.encode(message));

        assertThat(((WriteCodec.MessageWrite) decoded).message().body().value()).isEqualTo(body);
        assertThat(decoded).isEqualTo(new WriteCodec.MessageWrite(message));
    }

    @Test
    void messageOfTheLongest10000CharacterBodyRoundTrips() {
        StringBuilder body = new StringBuilder();
        while (body.length() < 10_000) {
            body.append("lorem ipsum ünïcödé 世界 ");
        }
        Message message = message(body.substring(0, 10_000));

        assertThat(codec.decode(codec.encode(message))).isEqualTo(new WriteCodec.MessageWrite(message));
    }

    @Test
    void timestampsTravelAsEpochMilliseconds() {
        Message message = message("x");

        JsonNode node = JSON.readTree(codec.encode(message));

        assertThat(node.get("created_at").isIntegralNumber()).isTrue();
        assertThat(node.get("created_at").asLong()).isEqualTo(message.createdAt().toEpochMilli());
        assertThat(codec.decode(codec.encode(message))).isEqualTo(new WriteCodec.MessageWrite(message));
    }

    @Test
    void aCommandQueuedWithIsoTimestampsIsStillRead() {
        Message message = message("x");
        byte[] older = changed(codec.encode(message), node -> node
                .put("created_at", message.createdAt().toString()).put("updated_at", message.updatedAt().toString()));

        assertThat(codec.decode(older)).isEqualTo(new WriteCodec.MessageWrite(message));
    }

    @Test
    void timestampsRoundTripToTheNanosecond() {
        // the version comparison in the worker relies on the exact updated_at surviving the queue
        Instant precise = Instant.parse("2026-11-23T08:15:30.123456789Z");
        Message template = message("x");
        Message message = new Message(template.appId(), template.chatNumber(), template.number(), template.body(),
                precise, precise.plusNanos(1));

        Message decoded = ((WriteCodec.MessageWrite) codec.decode(codec.encode(message))).message();

        assertThat(decoded.createdAt()).isEqualTo(precise);
        assertThat(decoded.updatedAt()).isEqualTo(precise.plusNanos(1));
    }

    @Test
    void encodedCommandNamesItsKind() {
        assertThat(new String(codec.encode(chat("t")), StandardCharsets.UTF_8)).contains("\"kind\":\"chat\"");
        assertThat(new String(codec.encode(message("b")), StandardCharsets.UTF_8)).contains("\"kind\":\"message\"");
        assertThat(new String(codec.encode(user(null)), StandardCharsets.UTF_8)).contains("\"kind\":\"user\"");
        assertThat(new String(codec.encode(reaction(1)), StandardCharsets.UTF_8)).contains("\"kind\":\"reaction\"");
        assertThat(new String(codec.encode(receipt(1, 0)), StandardCharsets.UTF_8)).contains("\"kind\":\"receipt\"");
    }

    @Test
    void chatWithParticipantsRoundTripsInTheirOrder() {
        Chat chat = chatWith("zoe", "alice", "bob@example.com");

        WriteCodec.Write decoded = codec.decode(codec.encode(chat));

        assertThat(decoded).isEqualTo(new WriteCodec.ChatWrite(chat));
        assertThat(((WriteCodec.ChatWrite) decoded).chat().participants())
                .containsExactly(new UserId("zoe"), new UserId("alice"), new UserId("bob@example.com"));
    }

    @Test
    void messageWithSenderRoundTrips() {
        Message message = messageFrom("alice");

        assertThat(codec.decode(codec.encode(message))).isEqualTo(new WriteCodec.MessageWrite(message));
    }

    @Test
    void userWithPhoneRoundTrips() {
        User user = user("+4915112345678");

        assertThat(codec.decode(codec.encode(user))).isEqualTo(new WriteCodec.UserWrite(user));
    }

    @Test
    void userWithoutPhoneRoundTrips() {
        User user = user(null);

        assertThat(codec.decode(codec.encode(user))).isEqualTo(new WriteCodec.UserWrite(user));
    }

    @Test
    void reactionEventRoundTripsWithItsEventId() {
        ReactionAdded reaction = reaction(1000);

        WriteCodec.Write decoded = codec.decode(codec.encode(reaction));

        assertThat(decoded).isEqualTo(new WriteCodec.ReactionWrite(reaction));
        assertThat(((WriteCodec.ReactionWrite) decoded).reaction().eventId()).isEqualTo(reaction.eventId());
    }

    @Test
    void receiptRoundTrips() {
        Receipt receipt = receipt(9, 4);

        assertThat(codec.decode(codec.encode(receipt))).isEqualTo(new WriteCodec.ReceiptWrite(receipt));
    }

    @Test
    void aChatCommandQueuedBeforeParticipantsExistedStillDecodes() {
        String older = "{\"kind\":\"chat\",\"app_id\":17,\"number\":3,\"title\":\"Support\","
                + "\"created_at\":\"2026-11-23T08:15:30.123Z\",\"updated_at\":\"2026-11-23T08:20:00.456Z\"}";

        assertThat(codec.decode(older.getBytes(StandardCharsets.UTF_8))).isEqualTo(new WriteCodec.ChatWrite(chat("Support")));
    }

    @Test
    void aMessageCommandQueuedBeforeSendersExistedStillDecodes() {
        String older = "{\"kind\":\"message\",\"app_id\":17,\"chat_number\":3,\"number\":12,\"body\":\"hi\","
                + "\"created_at\":\"2026-11-23T08:15:30.123Z\",\"updated_at\":\"2026-11-23T08:20:00.456Z\"}";

        assertThat(codec.decode(older.getBytes(StandardCharsets.UTF_8))).isEqualTo(new WriteCodec.MessageWrite(message("hi")));
    }

    @Test
    void nullParticipantsAndSenderReadAsNone() {
        assertThat(codec.decode(changed(codec.encode(chat("t")), node -> node.putNull("participants"))))
                .isEqualTo(new WriteCodec.ChatWrite(chat("t")));
        assertThat(codec.decode(changed(codec.encode(message("hi")), node -> node.putNull("sender"))))
                .isEqualTo(new WriteCodec.MessageWrite(message("hi")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"alice\"", "42", "{\"0\":\"alice\"}", "[42]", "[null]", "[[\"alice\"]]", "[\"\"]",
            "[\"not a user id\"]", "[\"alice\",\"alice\"]"})
    void chatWithInvalidParticipantsIsPoison(String participants) {
        assertPoison(changed(codec.encode(chatWith("alice")), node -> node.set("participants", json(participants))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "[\"alice\"]", "{\"id\":\"alice\"}", "\"\"", "\"has space\"", "\"a:b\""})
    void messageWithInvalidSenderIsPoison(String sender) {
        assertPoison(changed(codec.encode(messageFrom("alice")), node -> node.set("sender", json(sender))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app_id", "user_id", "name", "created_at", "updated_at"})
    void userMissingAFieldIsPoison(String field) {
        assertPoison(changed(codec.encode(user("+4915112345678")), node -> node.remove(field)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_id=\"\"", "user_id=42", "user_id=\"a b\"", "name=\"  \"", "name=42", "name=null",
            "phone=4915112345678", "phone=\"004915112345678\"", "phone=\"+49 151\"", "created_at=true", "created_at=1.5", "app_id=\"17\""})
    void userWithAnInvalidValueIsPoison(String assignment) {
        assertPoison(changed(codec.encode(user("+4915112345678")), assign(assignment)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"event_id", "app_id", "chat_number", "message_number", "user_id", "type", "score", "at"})
    void reactionMissingAFieldIsPoison(String field) {
        assertPoison(changed(codec.encode(reaction(1)), node -> node.remove(field)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"event_id=\"\"", "event_id=42", "score=0", "score=1001", "score=\"5\"", "score=1.5",
            "score=4294967297", "type=\"Thumbs\"", "type=\"\"", "type=1", "message_number=0", "message_number=\"12\"",
            "chat_number=-3", "user_id=null", "at=\"now\""})
    void reactionWithAnInvalidValueIsPoison(String assignment) {
        assertPoison(changed(codec.encode(reaction(1)), assign(assignment)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app_id", "chat_number", "user_id", "delivered_up_to", "read_up_to", "updated_at"})
    void receiptMissingAFieldIsPoison(String field) {
        assertPoison(changed(codec.encode(receipt(2, 1)), node -> node.remove(field)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivered_up_to=-1", "read_up_to=-1", "delivered_up_to=\"3\"", "read_up_to=1.5",
            "read_up_to=null", "user_id=\"\"", "chat_number=0", "updated_at=\"2026-13-45\""})
    void receiptWithAnInvalidValueIsPoison(String assignment) {
        assertPoison(changed(codec.encode(receipt(2, 1)), assign(assignment)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "not json", "{\"kind\":\"message\",", "[1,2", "\u0000\u0001", "nul"})
    void badJsonIsPoison(String payload) {
        assertPoison(payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "\"message\"", "null", "true"})
    void jsonThatIsNotAnObjectIsPoison(String payload) {
        assertPoison(payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"users\"", "\"MESSAGE\"", "\"\"", "null", "42"})
    void unknownKindIsPoison(String kind) {
        assertPoison("{\"kind\":" + kind + ",\"app_id\":1,\"chat_number\":1,\"number\":1,\"body\":\"hi\","
                + "\"created_at\":\"2026-11-23T08:15:30.123Z\",\"updated_at\":\"2026-11-23T08:15:30.123Z\"}");
    }

    @Test
    void missingKindIsPoison() {
        assertPoison(withoutField(messageJson(), "kind"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app_id", "chat_number", "number", "body", "created_at", "updated_at"})
    void messageMissingAFieldIsPoison(String field) {
        assertPoison(withoutField(messageJson(), field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app_id", "number", "created_at", "updated_at"})
    void chatMissingAFieldIsPoison(String field) {
        assertPoison(withoutField(chatJson(), field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "null", "42", "{\"text\":\"hi\"}"})
    void messageWithInvalidBodyIsPoison(String body) {
        assertPoison(messageJson().replace("\"body\":\"hi\"", "\"body\":" + body));
    }

    @Test
    void messageWithBodyOver10000CharactersIsPoison() {
        assertPoison(messageJson().replace("\"body\":\"hi\"", "\"body\":\"" + "b".repeat(10_001) + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"  \"", "\"\"", "42", "true", "[\"t\"]"})
    void chatWithInvalidTitleIsPoison(String title) {
        assertPoison(chatJson().replace("\"title\":\"t\"", "\"title\":" + title));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"number\":0", "\"number\":-1", "\"number\":\"abc\"", "\"number\":\"5\"",
            "\"number\":1.5", "\"number\":99999999999999999999", "\"app_id\":0", "\"app_id\":\"17\"", "\"chat_number\":0",
            "\"created_at\":\"yesterday\"", "\"updated_at\":\"2026-13-45\"", "\"updated_at\":true", "\"updated_at\":12.5"})
    void messageWithAnInvalidValueIsPoison(String replacement) {
        String field = replacement.substring(0, replacement.indexOf(':'));
        assertPoison(messageJson().replaceFirst(Pattern.quote(field) + ":[^,}]+", Matcher.quoteReplacement(replacement)));
    }

    private void assertPoison(byte[] payload) {
        assertPoison(new String(payload, StandardCharsets.UTF_8));
    }

    private void assertPoison(String payload) {
        assertThatThrownBy(() -> codec.decode(payload.getBytes(StandardCharsets.UTF_8)))
                .as("payload %s", payload.length() > 120 ? payload.substring(0, 120) + "…" : payload)
                .isInstanceOf(WriteCodec.PoisonCommandException.class);
    }

    private String messageJson() {
        String json = new String(codec.encode(message("hi")), StandardCharsets.UTF_8);
        assertThat(json).contains("\"body\":\"hi\"");
        return json;
    }

    private String chatJson() {
        String json = new String(codec.encode(chat("t")), StandardCharsets.UTF_8);
        assertThat(json).contains("\"title\":\"t\"");
        return json;
    }

    /** The JSON object without one field (the encoder writes no nested objects, so a regex is enough). */
    private static String withoutField(String json, String field) {
        String without = json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*),?", "").replace(",}", "}");
        assertThat(without).doesNotContain("\"" + field + "\"").isNotEqualTo(json);
        return without;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An encoded command with one change made to its JSON object. */
    private static byte[] changed(byte[] encoded, Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) JSON.readTree(encoded);
        change.accept(node);
        return JSON.writeValueAsBytes(node);
    }

    /** {@code "field=<json>"}: sets the field to that JSON value. */
    private static Consumer<ObjectNode> assign(String assignment) {
        int split = assignment.indexOf('=');
        return node -> node.set(assignment.substring(0, split), json(assignment.substring(split + 1)));
    }

    private static JsonNode json(String value) {
        return JSON.readTree(value);
    }
}
