package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker's consumers pause and resume through its actuator while it stays up: writes are still answered 201
 * and read back from their pending copies, nothing is persisted while paused, and everything is once resumed.
 */
@ExtendWith(PlatformExtension.class)
class WorkerConsumersIT {

    @Test
    void pausedConsumersKeepWritesQueuedAndResumedOnesPersistThemAll(Platform platform) throws Exception {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        ChatClient worker = new ChatClient(platform.workerUri());
        String token = client.createApp(TestData.appName("consumers"));
        long appId = platform.truth().appId(token).orElseThrow();
        long chat = client.newChat(token);
        await("the chat persisted").atMost(Duration.ofSeconds(30))
                .until(() -> platform.truth().chatNumbers(appId).contains(chat));

        assertThat(worker.get("/actuator/reindex").status()).as("the worker's own endpoints are exposed").isEqualTo(200);
        assertThat(worker.post("/actuator/consumers", Map.of("state", "asleep")).status()).isEqualTo(400);
        try {
            Reply paused = worker.post("/actuator/consumers", Map.of("state", "paused"));
            assertThat(paused.status()).isEqualTo(200);
            assertThat(paused.json().get("state").asString()).isEqualTo("paused");
            assertThat(worker.get("/actuator/consumers").json().get("persist").asString()).isEqualTo("paused");

            Map<Long, String> posted = new LinkedHashMap<>();
            for (int i = 0; i < 20; i++) {
                String body = "while paused " + i;
                posted.put(client.newMessage(token, chat, body), body);
            }
            assertThat(client.listAllMessages(token, chat)).as("read-your-writes while nothing persists")
                    .containsAllEntriesOf(posted);
            Thread.sleep(2_000);
            assertThat(platform.truth().messageCount(appId, chat)).as("persisted while paused").isZero();

            Reply running = worker.post("/actuator/consumers", Map.of("state", "running"));
            assertThat(running.json().get("state").asString()).isEqualTo("running");
            await("every message persisted once resumed").atMost(Duration.ofSeconds(60))
                    .until(() -> platform.truth().messages(appId, chat).equals(posted));
            await("every message searchable once resumed").atMost(Duration.ofSeconds(60))
                    .until(() -> Set.copyOf(client.searchAll(token, chat, "while paused")).equals(posted.keySet()));
        } finally {
            worker.post("/actuator/consumers", Map.of("state", "running"));
        }
    }
}
