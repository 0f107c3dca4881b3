package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.chatplatform.system.Platform.log;
import static dev.chatplatform.system.Platform.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A 201 means the write is readable at once, even when nothing has been persisted yet. */
@ExtendWith(PlatformExtension.class)
class ReadYourWritesIT {

    private static final int MESSAGES = 5;
    private static final int CONCURRENT_CLIENTS = 20;
    private static final int RACE_ROUNDS = 600;

    /**
     * The worker persists a write and then drops its pending copy, concurrently with reads: a read must
     * never fall between the two stores and miss a write it was told about.
     */
    @Test
    void acknowledgedWritesStayReadableWhileTheWorkerMovesThemFromPendingToStored(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("ryw-race"));
        String tag = TestData.tag();
        List<Load.Outcome<String>> rounds = Load.run(CONCURRENT_CLIENTS, RACE_ROUNDS, i -> {
            long chat = client.newChat(token);
            Reply chatRead = client.getChat(token, chat);
            if (chatRead.status() != 200) {
                return "chat " + chat + " read right after its 201: " + chatRead;
            }
            String body = TestData.body(tag, i, "race");
            long number = client.newMessage(token, chat, body);
            Reply messageRead = client.getMessage(token, chat, number);
            if (messageRead.status() != 200) {
                return "message " + chat + "/" + number + " read right after its 201: " + messageRead;
            }
            Reply list = client.listMessages(token, chat, "limit=10");
            if (list.status() != 200 || list.json().get("data").size() != 1) {
                return "chat " + chat + " listed right after its message's 201: " + list;
            }
            return null;
        });
        List<String> misses = rounds.stream()
                .map(o -> o.failed() ? o.error().toString() : o.value())
                .filter(java.util.Objects::nonNull).toList();
        log("%d create-then-read rounds from %d clients while the worker persisted them: %d reads missed a write",
                RACE_ROUNDS, CONCURRENT_CLIENTS, misses.size());
        assertThat(misses).as("reads that missed an acknowledged write").isEmpty();
    }

    @Test
    void acknowledgedWritesAreReadableAtOnceWithTheWorkerDownAndPersistedWhenItIsBack(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("ryw"));
        long appId = platform.truth().appId(token).orElseThrow();
        String tag = TestData.tag();
        Map<Long, String> posted = new LinkedHashMap<>();
        long chat;

        platform.killWorker();
        try {
            chat = client.newChat(token);
            Reply chatRead = client.getChat(token, chat);
            assertThat(chatRead.status()).as("GET chat right after its 201: %s", chatRead).isEqualTo(200);
            assertThat(chatRead.json().get("number").asLong()).isEqualTo(chat);

            for (int i = 0; i < MESSAGES; i++) {
                String body = TestData.body(tag, i, "ryw");
                long number = client.newMessage(token, chat, body);
                posted.put(number, body);

                Reply read = client.getMessage(token, chat, number);
                assertThat(read.status()).as("GET message right after its 201: %s", read).isEqualTo(200);
                assertThat(read.json().get("body").asString()).isEqualTo(body);

                Reply list = client.listMessages(token, chat, "limit=100");
                assertThat(list.status()).isEqualTo(200);
                List<JsonNode> listed = list.json().get("data").valueStream().toList();
                assertThat(listed).as("the list, newest first, right after a 201").hasSize(i + 1);
                assertThat(listed.getFirst().get("number").asLong()).isEqualTo(number);
                assertThat(listed.getFirst().get("body").asString()).isEqualTo(body);
            }
            // Nothing of it is in the database: the reads above came from the acknowledged, pending state.
            assertThat(platform.truth().chatNumbers(appId)).isEmpty();
            assertThat(platform.truth().messageCount(appId, chat)).isZero();
        } finally {
            platform.ensureWorkerRunning();
        }

        long workerBack = System.nanoTime();
        await("the backlog persisted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> platform.truth().messages(appId, chat).equals(posted)
                        && platform.truth().chatNumbers(appId).contains(chat));
        log("read-your-writes held with the worker down; backlog persisted %.2f s after the new worker was healthy",
                seconds(workerBack));
        assertThat(client.getChat(token, chat).status()).isEqualTo(200);
        assertThat(client.listAllMessages(token, chat)).isEqualTo(posted);
    }
}
