package dev.chatplatform.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Elasticsearch being away delays indexing, never persistence; the index backlog catches up by itself. */
@ExtendWith(PlatformExtension.class)
class SearchOutageIT {

    private static final int MESSAGES = 200;

    @Test
    void messagesArePersistedWhileTheIndexIsUnreachableAndBecomeSearchableOnceItIsBack(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("search-outage"));
        long appId = platform.truth().appId(token).orElseThrow();
        long chat = client.newChat(token);

        platform.killWorker();
        platform.launchWorker(Map.of("CHAT_ES_URL", "http://127.0.0.1:" + closedPort()));
        String marker = "outage" + TestData.tag();
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            numbers.add(client.newMessage(token, chat, "written while the index is away " + marker + " #" + i));
        }
        long lastPost = System.nanoTime();

        await("persisted although Elasticsearch is unreachable").atMost(Duration.ofSeconds(120))
                .until(() -> platform.truth().messageCount(appId, chat) == MESSAGES);
        log("search outage: %d messages persisted %.1f s after the last POST with the index unreachable",
                MESSAGES, Platform.seconds(lastPost));
        assertThat(client.searchAll(token, chat, marker)).as("nothing can be indexed yet").isEmpty();

        platform.killWorker();
        long restarted = System.nanoTime();
        platform.launchWorker();
        platform.awaitWorkerHealthy();
        await("the index backlog catches up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.searchAll(token, chat, marker).size() == MESSAGES);
        log("search outage: backlog of %d indexed %.1f s after a worker with a reachable index started",
                MESSAGES, Platform.seconds(restarted));
        assertThat(client.searchAll(token, chat, marker)).containsExactlyInAnyOrderElementsOf(numbers);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
