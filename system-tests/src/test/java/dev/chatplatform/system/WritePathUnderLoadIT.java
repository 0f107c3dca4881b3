package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import dev.chatplatform.system.Load.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static dev.chatplatform.system.Platform.log;
import static dev.chatplatform.system.Platform.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The write path end to end under concurrency: numbers, persistence, search and counts, with the figures printed. */
@ExtendWith(PlatformExtension.class)
class WritePathUnderLoadIT {

    private static final int CLIENTS = 50;
    private static final int CHATS = 500;
    private static final int MESSAGES = 2_000;
    private static final int SEARCH_SAMPLE = 50;

    @Test
    void concurrentWritesGetGaplessNumbersAndAreAllPersistedSearchableAndCounted(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("load"));
        long appId = platform.truth().appId(token).orElseThrow();

        // 500 chats from 50 concurrent clients: numbers 1..500, each exactly once.
        long chatsStarted = System.nanoTime();
        List<Outcome<Reply>> chats = Load.run(CLIENTS, CHATS, i -> client.createChat(token));
        double chatSeconds = seconds(chatsStarted);
        assertAllCreated(chats);
        assertThat(chats.stream().map(o -> o.value().number()).sorted().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, CHATS).boxed().toList());
        log("%d chats by %d clients in %.2f s (%.0f/s), POST p50 %.1f ms, p99 %.1f ms", CHATS, CLIENTS, chatSeconds,
                CHATS / chatSeconds, Load.percentileMillis(chats, 50), Load.percentileMillis(chats, 99));

        // 2,000 messages into one chat from 50 concurrent clients: numbers 1..2000, each exactly once.
        long chat = 1;
        String tag = TestData.tag();
        String common = "common" + tag;
        long messagesStarted = System.nanoTime();
        List<Outcome<Reply>> posts = Load.run(CLIENTS, MESSAGES,
                i -> client.postMessage(token, chat, TestData.body(tag, i, common)));
        double postSeconds = seconds(messagesStarted);
        long lastAck = System.nanoTime();
        assertAllCreated(posts);
        Map<Long, String> acknowledged = new HashMap<>();
        Map<Integer, Long> numberOfTask = new HashMap<>();
        for (Outcome<Reply> post : posts) {
            long number = post.value().number();
            assertThat(post.value().json().get("body").asString()).isEqualTo(TestData.body(tag, post.index(), common));
            assertThat(acknowledged.put(number, TestData.body(tag, post.index(), common)))
                    .as("message number %d acknowledged twice", number).isNull();
            numberOfTask.put(post.index(), number);
        }
        assertThat(acknowledged.keySet().stream().sorted().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, MESSAGES).boxed().toList());
        log("%d messages into one chat by %d clients in %.2f s (%.0f/s), POST p50 %.1f ms, p99 %.1f ms", MESSAGES,
                CLIENTS, postSeconds, MESSAGES / postSeconds, Load.percentileMillis(posts, 50),
                Load.percentileMillis(posts, 99));

        // Persisted: exactly the acknowledged (number, body) pairs.
        await("all messages persisted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> platform.truth().messageCount(appId, chat) >= MESSAGES);
        double persistSeconds = seconds(messagesStarted);
        assertThat(platform.truth().messageRows(appId, chat)).hasSize(MESSAGES);
        assertThat(platform.truth().messages(appId, chat)).isEqualTo(acknowledged);
        assertThat(platform.truth().chatNumbers(appId))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, CHATS).boxed().toList());
        log("worker persisted %d messages %.2f s after the first POST: %.0f messages/s", MESSAGES, persistSeconds,
                MESSAGES / persistSeconds);

        // Searchable: the common word finds all 2,000 exactly once across pages; each marker finds its message.
        AtomicLong walks = new AtomicLong();
        await("all messages searchable").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    walks.incrementAndGet();
                    return new HashSet<>(client.searchAll(token, chat, common)).size() == MESSAGES;
                });
        double searchableSeconds = seconds(lastAck);
        List<Long> walked = client.searchAll(token, chat, common);
        assertThat(walked).hasSize(MESSAGES).doesNotHaveDuplicates();
        assertThat(Set.copyOf(walked)).isEqualTo(acknowledged.keySet());
        for (int i = 0; i < MESSAGES; i += MESSAGES / SEARCH_SAMPLE) {
            Reply found = client.search(token, chat, TestData.marker(tag, i), 10, null);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().get("data").valueStream().map(m -> m.get("number").asLong()).toList())
                    .as("search for the marker of task %d", i).containsExactly(numberOfTask.get(i));
        }
        log("all %d messages searchable %.2f s after the last acknowledgement (%d search walks of %d pages)",
                MESSAGES, searchableSeconds, walks.get(), (MESSAGES + 99) / 100);

        // Counted, once the reconciler has run.
        long countsStarted = System.nanoTime();
        await("counts reconciled").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.getApp(token).json().get("chats_count").asLong() == CHATS
                        && client.getChat(token, chat).json().get("messages_count").asLong() == MESSAGES);
        log("counts reconciled %.2f s after the search check: chats_count %d, messages_count %d",
                seconds(countsStarted), CHATS, MESSAGES);
    }

    private static void assertAllCreated(List<Outcome<Reply>> outcomes) {
        Map<String, Long> byStatus = outcomes.stream().collect(Collectors.groupingBy(
                o -> o.failed() ? o.error().toString() : Integer.toString(o.value().status()), Collectors.counting()));
        assertThat(byStatus).as("answers by status").containsOnlyKeys("201");
    }
}
