package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static dev.chatplatform.system.ChatClient.appPath;
import static dev.chatplatform.system.ChatClient.chatPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A token reaches its own application's data and nothing else; a token that does not exist reaches nothing. */
@ExtendWith(PlatformExtension.class)
class TenantIsolationIT {

    @Test
    void anotherApplicationsTokenNeverReachesItsChatsOrMessages(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String tag = TestData.tag();
        String a = client.createApp(TestData.appName("tenant-a"));
        String b = client.createApp(TestData.appName("tenant-b"));
        for (int i = 0; i < 3; i++) {
            client.newChat(a);
        }
        for (int i = 0; i < 3; i++) {
            client.newMessage(a, 1, "secret" + tag + " of A number " + i);
            client.newMessage(a, 2, "secret" + tag + " of A in chat 2, number " + i);
        }
        long bChat = client.newChat(b);
        assertThat(bChat).as("numbers are per application").isEqualTo(1);
        client.newMessage(b, 1, "own" + tag + " message of B");
        // Wait until A's messages are searchable, so an empty search of B's below means isolation, not lag.
        await("A's messages searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.searchAll(a, 1, "secret" + tag).size() == 3
                        && client.searchAll(b, 1, "own" + tag).size() == 1);

        // A's chat 2 through B's token: B has no chat 2.
        assertNotFound(client.getChat(b, 2));
        assertNotFound(client.listMessages(b, 2, ""));
        assertNotFound(client.getMessage(b, 2, 1));
        assertNotFound(client.editMessage(b, 2, 1, "overwritten by B"));
        assertNotFound(client.search(b, 2, "secret" + tag, 10, null));
        assertNotFound(client.postMessage(b, 2, "B posting into A's chat number"));
        assertNotFound(client.send(client.request(chatPath(b, 2)).method("PATCH", ChatClient.json(Map.of("title", "B's")))));
        assertNotFound(client.getChat(b, 3));
        assertNotFound(client.react(b, 2, 1, "bob", "like", 1));
        assertNotFound(client.receipt(b, 2, "bob", 1L, 1L));
        client.putUser(a, "alice" + tag, "Alice of A", "+4915100000009");
        assertNotFound(client.getUser(b, "alice" + tag));
        assertThat(client.listChats(b, "q=" + ChatClient.encode("secret" + tag)).json().get("data").size())
                .as("B's inbox search for A's words").isZero();

        // B's own chat 1 shows B's message only, even where A's chat 1 has more.
        assertThat(client.listAllMessages(b, 1).values()).containsExactly("own" + tag + " message of B");
        assertNotFound(client.getMessage(b, 1, 3));
        assertNotFound(client.editMessage(b, 1, 3, "overwritten by B"));
        assertThat(client.searchAll(b, 1, "secret" + tag)).as("B's search for A's words").isEmpty();
        assertThat(client.searchAll(b, 1, "of")).as("B's search for a word both share").hasSize(1);
        await("B's chats persisted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.listChats(b).json().get("data").size() == 1);
        assertThat(client.listChats(b).json().get("data").valueStream().map(c -> c.get("number").asLong()).toList())
                .containsExactly(1L);

        // A's data is untouched by everything B tried.
        assertThat(client.listAllMessages(a, 1).values()).hasSize(3).allSatisfy(body -> assertThat(body).startsWith("secret"));
        assertThat(client.listAllMessages(a, 2).values()).hasSize(3).allSatisfy(body -> assertThat(body).startsWith("secret"));
        long aId = platform.truth().appId(a).orElseThrow();
        long bId = platform.truth().appId(b).orElseThrow();
        await("everything persisted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> platform.truth().messageCount(aId, 1) == 3 && platform.truth().messageCount(aId, 2) == 3
                        && platform.truth().messageCount(bId, 1) == 1);
        assertThat(platform.truth().messages(aId, 1).values()).allSatisfy(body -> assertThat(body).startsWith("secret"));
        assertThat(platform.truth().messages(aId, 2).values()).allSatisfy(body -> assertThat(body).startsWith("secret"));
        assertThat(platform.truth().chatNumbers(bId)).containsExactly(1L);
    }

    @Test
    void aTokenThatDoesNotExistReachesNothing(Platform platform) {
        ChatClient client = platform.client();
        String owner = client.createApp(TestData.appName("tenant-owner"));
        long chat = client.newChat(owner);
        client.newMessage(owner, chat, "hello");
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        for (String token : List.of(unknown, "not-a-token!", "short")) {
            List<Function<String, Reply>> requests = List.of(
                    client::getApp,
                    t -> client.send(client.request(appPath(t)).method("PATCH", ChatClient.json(Map.of("name", "x")))),
                    client::createChat,
                    client::listChats,
                    t -> client.getChat(t, chat),
                    t -> client.postMessage(t, chat, "hello?"),
                    t -> client.listMessages(t, chat, ""),
                    t -> client.getMessage(t, chat, 1),
                    t -> client.editMessage(t, chat, 1, "changed"),
                    t -> client.search(t, chat, "hello", 10, null));
            for (Function<String, Reply> request : requests) {
                assertNotFound(request.apply(token));
            }
        }
        assertThat(client.getMessage(owner, chat, 1).json().get("body").asString()).isEqualTo("hello");
    }

    private static void assertNotFound(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(404);
        assertThat(reply.contentType()).as("%s", reply).startsWith("application/problem+json");
        assertThat(reply.body()).as("%s", reply).doesNotContain("secret", "Exception");
    }
}
