package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import dev.chatplatform.system.Load.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.chatplatform.system.Platform.log;
import static dev.chatplatform.system.Platform.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Commands are acknowledged to the broker only after the commit: a worker killed mid-batch loses nothing. */
@ExtendWith(PlatformExtension.class)
class WorkerCrashIT {

    private static final int CLIENTS = 20;
    private static final int MESSAGES = 1_000;
    private static final int KILL_AFTER = 300;

    @Test
    void everyAcknowledgedMessageIsPersistedExactlyOnceWhenTheWorkerIsKilledMidRun(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("worker-crash"));
        long appId = platform.truth().appId(token).orElseThrow();
        long chat = client.newChat(token);
        String tag = TestData.tag();
        String common = "common" + tag;

        AtomicInteger acknowledged = new AtomicInteger();
        CompletableFuture<String> crash = CompletableFuture.supplyAsync(() -> {
            RedisLossIT.awaitAtLeast(acknowledged, KILL_AFTER);
            int ackedAtKill = acknowledged.get();
            long storedAtKill = platform.truth().messageCount(appId, chat);
            platform.killWorker();
            platform.launchWorker();
            return ackedAtKill + " acknowledged, " + storedAtKill + " stored";
        });
        List<Outcome<Reply>> posts = Load.run(CLIENTS, MESSAGES, i -> {
            Reply reply = client.postMessage(token, chat, TestData.body(tag, i, common));
            if (reply.status() == 201) {
                acknowledged.incrementAndGet();
            }
            return reply;
        });
        String atKill = crash.join();
        long postsDone = System.nanoTime();
        platform.awaitWorkerHealthy();

        Acknowledgements messages = Acknowledgements.of(posts, i -> TestData.body(tag, i, common));
        log("worker killed at %s; POSTs answered %s", atKill, messages.answers());
        assertThat(messages.duplicateNumbers()).as("message numbers acknowledged twice").isEmpty();
        assertThat(messages.answers().keySet()).as("the API does not need the worker: answers").isSubsetOf("201", "503");

        await("every acknowledged message persisted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> platform.truth().messages(appId, chat).keySet().containsAll(messages.acknowledged().keySet()));
        log("all %d acknowledged messages persisted %.1f s after the last POST (new worker included)",
                messages.acknowledged().size(), seconds(postsDone));

        List<Truth.Row> rows = platform.truth().messageRows(appId, chat);
        Map<Long, String> stored = platform.truth().messages(appId, chat);
        assertThat(rows.stream().map(Truth.Row::body).toList()).as("each body stored once").doesNotHaveDuplicates();
        assertThat(stored).containsAllEntriesOf(messages.acknowledged());
        assertThat(messages.unexplained(stored)).as("stored messages nobody was told about").isEmpty();
        assertThat(rows).hasSize(messages.acknowledged().size()
                + (int) stored.values().stream().filter(messages.unacknowledged()::contains).count());

        // The index queue was consumed at least once too: search finds every stored message, once.
        await("every stored message searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Set.copyOf(client.searchAll(token, chat, common)).equals(stored.keySet()));
        assertThat(client.searchAll(token, chat, common)).doesNotHaveDuplicates();
    }
}
