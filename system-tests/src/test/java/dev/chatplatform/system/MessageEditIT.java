package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static dev.chatplatform.system.Platform.log;
import static dev.chatplatform.system.Platform.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An edit is visible at once through the API, then in the database and in search, where the old text is gone. */
@ExtendWith(PlatformExtension.class)
class MessageEditIT {

    @Test
    void anEditedBodyIsReadAtOnceThenPersistedAndSearchableWhileTheOldTextIsNoLongerFound(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("edit"));
        long appId = platform.truth().appId(token).orElseThrow();
        long chat = client.newChat(token);
        String tag = TestData.tag();
        String before = "before" + tag;
        String after = "after" + tag;
        long number = client.newMessage(token, chat, "the " + before + " text");
        long other = client.newMessage(token, chat, "another message, never edited");
        await("original searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> numbersFound(client, token, chat, before).equals(List.of(number)));

        long edited = System.nanoTime();
        Reply edit = client.editMessage(token, chat, number, "the " + after + " text");
        assertThat(edit.status()).as("PATCH: %s", edit).isEqualTo(200);
        assertThat(edit.json().get("body").asString()).isEqualTo("the " + after + " text");

        Reply read = client.getMessage(token, chat, number);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("body").asString()).as("GET right after the edit").isEqualTo("the " + after + " text");
        assertThat(read.json().get("number").asLong()).isEqualTo(number);

        await("edit persisted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> platform.truth().messageBody(appId, chat, number).orElse("").contains(after));
        double persisted = seconds(edited);
        await("edit searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> numbersFound(client, token, chat, after).equals(List.of(number))
                        && numbersFound(client, token, chat, before).isEmpty());
        log("edit persisted %.2f s and reflected in search %.2f s after the PATCH", persisted, seconds(edited));

        assertThat(platform.truth().messageBody(appId, chat, other)).contains("another message, never edited");
        assertThat(platform.truth().messageCount(appId, chat)).isEqualTo(2);
        assertThat(client.getMessage(token, chat, number).json().get("body").asString()).isEqualTo("the " + after + " text");
    }

    private static List<Long> numbersFound(ChatClient client, String token, long chat, String q) {
        return client.searchAll(token, chat, q);
    }
}
