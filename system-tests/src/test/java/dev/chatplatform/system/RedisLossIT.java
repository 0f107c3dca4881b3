package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import dev.chatplatform.system.Load.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis holds the counters and the pending writes; losing all of it mid-run must lose nothing acknowledged. */
@ExtendWith(PlatformExtension.class)
class RedisLossIT {

    private static final int CLIENTS = 20;
    private static final int MESSAGES = 1_000;
    /** Every CHAT_EVERY-th task creates a chat instead of posting a message. */
    private static final int CHAT_EVERY = 20;
    private static final int TASKS = MESSAGES + MESSAGES / (CHAT_EVERY - 1);

    @Test
    void numbersNeverRepeatAndNothingAcknowledgedIsLostWhenRedisIsWipedMidRun(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("redis-loss"));
        long appId = platform.truth().appId(token).orElseThrow();
        long chat = client.newChat(token);
        // After the wipe only the database knows the chat: it must be there before the wipe can come.
        await("chat persisted").atMost(Duration.ofSeconds(60)).until(() -> platform.truth().chatNumbers(appId).contains(chat));

        String tag = TestData.tag();
        String common = "common" + tag;
        AtomicInteger messagesAcknowledged = new AtomicInteger();
        AtomicLong highestBeforeWipe = new AtomicLong();
        CompletableFuture<Integer> wipe = CompletableFuture.supplyAsync(() -> {
            awaitAtLeast(messagesAcknowledged, MESSAGES / 3);
            int at = messagesAcknowledged.get();
            platform.wipeRedis();
            return at;
        });
        List<Outcome<Reply>> outcomes = Load.run(CLIENTS, TASKS, i -> {
            Reply reply = isChatTask(i) ? client.createChat(token) : client.postMessage(token, chat, TestData.body(tag, i, common));
            if (!isChatTask(i) && reply.status() == 201) {
                if (!wipe.isDone()) {
                    highestBeforeWipe.accumulateAndGet(reply.number(), Math::max);
                }
                messagesAcknowledged.incrementAndGet();
            }
            return reply;
        });
        int wipedAt = wipe.join();

        List<Outcome<Reply>> posts = outcomes.stream().filter(o -> !isChatTask(o.index())).toList();
        List<Outcome<Reply>> creates = outcomes.stream().filter(o -> isChatTask(o.index())).toList();
        Acknowledgements messages = Acknowledgements.of(posts, i -> TestData.body(tag, i, common));
        Acknowledgements chats = Acknowledgements.of(creates, i -> "chat task " + i);
        log("redis wiped after %d acknowledged messages; messages answered %s, chat creates answered %s", wipedAt,
                messages.answers(), chats.answers());
        log("message numbers acknowledged: %s (highest before the wipe: about %d); chat numbers: %s",
                ranges(messages.acknowledged().keySet()), highestBeforeWipe.get(), ranges(chats.acknowledged().keySet()));

        assertThat(messages.answers().keySet()).as("message answers (503 is allowed during the wipe)")
                .isSubsetOf("201", "503");
        assertThat(chats.answers().keySet()).as("chat answers (503 is allowed during the wipe)")
                .isSubsetOf("201", "503");
        assertThat(messages.duplicateNumbers()).as("message numbers acknowledged twice").isEmpty();
        assertThat(chats.duplicateNumbers()).as("chat numbers acknowledged twice").isEmpty();
        assertThat(chats.acknowledged()).as("a new chat got the number of the existing one").doesNotContainKey(chat);
        assertThat(messages.acknowledged()).hasSizeGreaterThan(MESSAGES / 2);

        await("every acknowledged message persisted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> platform.truth().messages(appId, chat).keySet().containsAll(messages.acknowledged().keySet()));
        await("every acknowledged chat persisted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> platform.truth().chatNumbers(appId).containsAll(chats.acknowledged().keySet()));

        List<Truth.Row> rows = platform.truth().messageRows(appId, chat);
        Map<Long, String> stored = platform.truth().messages(appId, chat);
        assertThat(rows.stream().map(Truth.Row::body).toList()).as("each body stored once").doesNotHaveDuplicates();
        assertThat(stored).containsAllEntriesOf(messages.acknowledged());
        assertThat(messages.unexplained(stored)).as("stored messages nobody posted").isEmpty();
        assertThat(client.listAllMessages(token, chat)).as("the API's list after the wipe").isEqualTo(stored);

        // The index queue was consumed at least once too: search finds every stored message, once.
        await("every stored message searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Set.copyOf(client.searchAll(token, chat, common)).equals(stored.keySet()));
        assertThat(client.searchAll(token, chat, common)).doesNotHaveDuplicates();
        log("%d messages stored (%d acknowledged, %d from unacknowledged POSTs); %d chats stored",
                stored.size(), messages.acknowledged().size(), stored.size() - messages.acknowledged().size(),
                platform.truth().chatNumbers(appId).size());
    }

    private static boolean isChatTask(int i) {
        return i % CHAT_EVERY == CHAT_EVERY - 1;
    }

    /** Spins (bounded) until the counter reaches the target; the load threads move it. */
    static void awaitAtLeast(AtomicInteger counter, int target) {
        long deadline = System.nanoTime() + Load.BOUND.toNanos();
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + counter.get() + " of " + target + " acknowledgements came");
            }
            Platform.pause(Duration.ofMillis(2));
        }
    }

    /** 1..340, 1001..1667: how the numbers ran, gaps included. */
    static String ranges(Set<Long> numbers) {
        List<Long> sorted = new ArrayList<>(new HashSet<>(numbers));
        sorted.sort(null);
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            ranges.add(i == j ? "" + sorted.get(i) : sorted.get(i) + ".." + sorted.get(j));
            i = j + 1;
        }
        return ranges.size() > 12 ? ranges.subList(0, 12) + "... (" + ranges.size() + " runs)" : ranges.toString();
    }
}
