package dev.chatplatform.worker.messaging;

import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.chatplatform.worker.messaging.Writes.chat;
import static dev.chatplatform.worker.messaging.Writes.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteCodecTest {

    private final WriteCodec codec = new WriteCodec();

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
    @ValueSource(strings = {"\"user\"", "\"MESSAGE\"", "\"\"", "null", "42"})
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
            "\"created_at\":\"yesterday\"", "\"updated_at\":\"2026-13-45\"", "\"updated_at\":123"})
    void messageWithAnInvalidValueIsPoison(String replacement) {
        String field = replacement.substring(0, replacement.indexOf(':'));
        assertPoison(messageJson().replaceFirst(Pattern.quote(field) + ":[^,}]+", Matcher.quoteReplacement(replacement)));
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
}
