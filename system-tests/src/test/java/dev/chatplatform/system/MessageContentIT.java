package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whatever text a client sends comes back unchanged: through the queue, the database and the index. */
@ExtendWith(PlatformExtension.class)
class MessageContentIT {

    @Test
    void bodiesInAnyScriptWithEmojiAndJsonSpecialCharactersAreStoredListedAndSearchedUnchanged(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("content"));
        long appId = platform.truth().appId(token).orElseThrow();
        long chat = client.newChat(token);
        String tag = TestData.tag();
        List<String> bodies = List.of(
                "emoji " + tag + " 🎉🚀 and a family 👨‍👩‍👧 in one grapheme",
                "Ärger über Öl " + tag + ", straße",
                "中文消息 " + tag + " 日本語のメッセージ 한국어",
                "עברית and العربية " + tag + " right to left",
                "quotes \" backslash \\ slash / tab \t newline \n " + tag + " end",
                "<script>alert('x')</script> " + tag + " & %s %n {0} ${x}",
                "z".repeat(9_990) + tag.substring(0, 5));
        Map<Long, String> posted = new LinkedHashMap<>();
        for (String body : bodies) {
            Reply reply = client.postMessage(token, chat, body);
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            assertThat(reply.json().get("body").asString()).isEqualTo(body);
            posted.put(reply.number(), body);
        }

        await("all persisted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> platform.truth().messageCount(appId, chat) == bodies.size());
        assertThat(platform.truth().messages(appId, chat)).isEqualTo(posted);
        assertThat(client.listAllMessages(token, chat)).isEqualTo(posted);
        posted.forEach((number, body) ->
                assertThat(client.getMessage(token, chat, number).json().get("body").asString()).isEqualTo(body));

        await("all searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.searchAll(token, chat, tag.substring(0, 5)).size() == bodies.size());
        assertThat(found(client, token, chat, "🚀")).containsExactly(bodyNumber(posted, bodies.get(0)));
        assertThat(found(client, token, chat, "ärger ÜBER öl")).containsExactly(bodyNumber(posted, bodies.get(1)));
        assertThat(found(client, token, chat, "メッセージ")).containsExactly(bodyNumber(posted, bodies.get(2)));
        assertThat(found(client, token, chat, "العربية")).containsExactly(bodyNumber(posted, bodies.get(3)));
        assertThat(found(client, token, chat, "backslash \\ slash")).containsExactly(bodyNumber(posted, bodies.get(4)));
        assertThat(found(client, token, chat, "%s %n {0}")).containsExactly(bodyNumber(posted, bodies.get(5)));
        assertThat(found(client, token, chat, "zzz" + tag.substring(0, 5))).containsExactly(bodyNumber(posted, bodies.get(6)));
        assertThat(found(client, token, chat, "*")).as("a wildcard character is a literal").isEmpty();
        assertThat(found(client, token, chat, "?")).as("a wildcard character is a literal").isEmpty();
    }

    private static List<Long> found(ChatClient client, String token, long chat, String q) {
        return client.searchAll(token, chat, q);
    }

    private static long bodyNumber(Map<Long, String> posted, String body) {
        return posted.entrySet().stream().filter(e -> e.getValue().equals(body)).findFirst().orElseThrow().getKey();
    }
}
