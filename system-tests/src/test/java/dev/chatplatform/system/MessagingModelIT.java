package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static dev.chatplatform.system.ChatClient.encode;
import static dev.chatplatform.system.Platform.log;
import static dev.chatplatform.system.Platform.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Users, participants, reactions, receipts, ranged lists and the inbox, over HTTP against the running stack. */
@ExtendWith(PlatformExtension.class)
class MessagingModelIT {

    private static final Duration WORKER_BOUND = Duration.ofSeconds(60);

    @Test
    void aUserIsCreatedThenUpdatedAndReadableAtOnce(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("users"));

        Reply created = client.putUser(token, "alice.smith", "Alice", "+4915112345678");
        Reply readAtOnce = client.getUser(token, "alice.smith");
        Reply updated = client.putUser(token, "alice.smith", "Alice Smith", null);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/users/alice.smith"));
        assertThat(readAtOnce.status()).isEqualTo(200);
        assertThat(readAtOnce.json().get("phone").asString()).isEqualTo("+4915112345678");
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().get("created_at").asString()).isEqualTo(created.json().get("created_at").asString());
        await("the update persisted and still read").atMost(WORKER_BOUND).untilAsserted(() -> {
            JsonNode user = client.getUser(token, "alice.smith").json();
            assertThat(user.get("name").asString()).isEqualTo("Alice Smith");
            assertThat(user.get("phone").isNull()).isTrue();
        });
        assertThat(client.getUser(token, "nobody").status()).isEqualTo(404);
    }

    @Test
    void participantsSendAndOutsidersAreRefusedNamingTheSender(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("senders"));
        long chat = client.newChat(token, "Support", List.of("alice", "bob"));

        Reply chatRead = client.getChat(token, chat);
        Reply sent = client.postMessageAs(token, chat, "hello bob", "alice");
        Reply refused = client.postMessageAs(token, chat, "let me in", "mallory");

        assertThat(chatRead.json().get("participants").valueStream().map(JsonNode::asString).toList())
                .containsExactly("alice", "bob");
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        assertThat(sent.json().get("sender").asString()).isEqualTo("alice");
        assertThat(sent.json().get("status").asString()).isEqualTo("sent");
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("sender");
        await("the chat's last message persisted").atMost(WORKER_BOUND).untilAsserted(() -> {
            JsonNode read = client.getChat(token, chat).json();
            assertThat(read.path("last_message").path("body").asString()).isEqualTo("hello bob");
            assertThat(read.path("last_message").path("sender").asString()).isEqualTo("alice");
        });
    }

    /** The case: 100 users clap on one message at once; counts and scores are exact, at once and after the worker. */
    @Test
    void concurrentReactionsFromAHundredUsersAreCountedExactly(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("reactions"));
        List<String> users = IntStream.range(0, 100).mapToObj(i -> "user" + i).toList();
        long chat = client.newChat(token, "All hands", users);
        long message = client.postMessageAs(token, chat, "ship it?", "user0").number();

        long started = System.nanoTime();
        List<Load.Outcome<Integer>> outcomes = Load.run(20, 200, i ->
                client.react(token, chat, message, users.get(i % 100), i < 100 ? "+1" : "clap", i % 5 + 1).status());
        double took = seconds(started);
        long expectedClapScore = IntStream.range(100, 200).map(i -> i % 5 + 1).sum();
        long expectedPlusOneScore = IntStream.range(0, 100).map(i -> i % 5 + 1).sum();
        log("200 reactions from 100 users on one message, 20 clients: %.2f s, p50 %.0f ms, p99 %.0f ms", took,
                Load.percentileMillis(outcomes, 50), Load.percentileMillis(outcomes, 99));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isEqualTo(201));
        assertReactions(client, token, chat, message, 100, expectedPlusOneScore, expectedClapScore);
        await("reactions persisted").atMost(WORKER_BOUND).untilAsserted(() ->
                assertThat(platform.truth().reactionScoreTotal(platform.truth().appId(token).orElseThrow(), chat, message))
                        .isEqualTo(expectedPlusOneScore + expectedClapScore));
        assertReactions(client, token, chat, message, 100, expectedPlusOneScore, expectedClapScore);

        Reply again = client.react(token, chat, message, "user7", "clap", 10);
        assertThat(again.json().get("score").asLong()).as("claps add up: %s", again).isEqualTo(7 % 5 + 1 + 10);
    }

    private static void assertReactions(ChatClient client, String token, long chat, long message, long users,
                                        long plusOneScore, long clapScore) {
        JsonNode read = client.getMessage(token, chat, message).json();
        assertThat(read.get("reaction_counts").get("+1").asLong()).as("%s", read).isEqualTo(users);
        assertThat(read.get("reaction_counts").get("clap").asLong()).isEqualTo(users);
        assertThat(read.get("reaction_scores").get("+1").asLong()).isEqualTo(plusOneScore);
        assertThat(read.get("reaction_scores").get("clap").asLong()).isEqualTo(clapScore);
        assertThat(read.get("latest_reactions").size()).isEqualTo(10);
        JsonNode listed = client.listMessages(token, chat, "limit=5").json().get("data").get(0);
        assertThat(listed.get("reaction_scores")).isEqualTo(read.get("reaction_scores"));
    }

    @Test
    void receiptsMoveForwardOnlyAndDriveEachMessagesStatus(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("receipts"));
        long chat = client.newChat(token, null, List.of("alice", "bob", "carol"));
        long first = client.postMessageAs(token, chat, "one", "alice").number();
        long second = client.postMessageAs(token, chat, "two", "alice").number();

        Reply bobReads = client.receipt(token, chat, "bob", null, second);
        Reply bobBackwards = client.receipt(token, chat, "bob", first, first);
        Reply carolGets = client.receipt(token, chat, "carol", second, null);

        assertThat(bobReads.status()).as("%s", bobReads).isEqualTo(200);
        assertThat(bobReads.json().get("delivered_up_to").asLong()).as("read implies delivered").isEqualTo(second);
        assertThat(bobBackwards.json().get("read_up_to").asLong()).as("backwards is ignored").isEqualTo(second);
        assertThat(carolGets.json().get("read_up_to").asLong()).isZero();
        assertThat(status(client, token, chat, second)).isEqualTo("delivered");
        client.receipt(token, chat, "carol", null, first);
        assertThat(status(client, token, chat, first)).isEqualTo("read");
        assertThat(status(client, token, chat, second)).isEqualTo("delivered");
        await("receipts persisted, status unchanged").atMost(WORKER_BOUND).untilAsserted(() -> {
            assertThat(platform.truth().readUpTo(platform.truth().appId(token).orElseThrow(), chat, "carol")).isEqualTo(first);
            assertThat(status(client, token, chat, first)).isEqualTo("read");
            assertThat(status(client, token, chat, second)).isEqualTo("delivered");
        });
        Reply past = client.receipt(token, chat, "bob", null, second + 5);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("read_up_to");
    }

    private static String status(ChatClient client, String token, long chat, long message) {
        return client.getMessage(token, chat, message).json().get("status").asString();
    }

    @Test
    void rangedListsAndAWalkWhileMessagesArriveReturnEachMessageOnce(Platform platform) throws Exception {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("ranges"));
        long chat = client.newChat(token);
        List<Instant> createdAt = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            createdAt.add(Instant.parse(client.postMessage(token, chat, "m" + i).json().get("created_at").asString()));
        }

        assertThat(numbers(client.listMessages(token, chat, "before=10&after=5"))).containsExactly(9L, 8L, 7L, 6L);
        assertThat(numbers(client.listMessages(token, chat, "since=" + encode(createdAt.get(99).toString()) + "&limit=100")))
                .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(100L));
        assertThat(numbers(client.listMessages(token, chat, "until=" + encode(createdAt.get(2).toString()))))
                .containsExactly(3L, 2L, 1L);

        AtomicBoolean walking = new AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().start(() -> {
            while (walking.get()) {
                client.postMessage(token, chat, "arriving while the walk goes on");
            }
        });
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        try {
            do {
                Reply page = client.listMessages(token, chat, "limit=7&after=3"
                        + (cursor == null ? "" : "&cursor=" + encode(cursor)));
                page.json().get("data").forEach(m -> seen.add(m.get("number").asLong()));
                JsonNode next = page.json().get("next_cursor");
                cursor = next.isNull() ? null : next.asString();
            } while (cursor != null);
        } finally {
            walking.set(false);
            writer.join();
        }
        Set<Long> distinct = new HashSet<>(seen);
        log("walked %d messages in pages of 7 while messages arrived", seen.size());
        assertThat(distinct).as("no message repeated").hasSize(seen.size());
        assertThat(distinct).as("every message from 4 to 120 was there before the walk").containsAll(
                IntStream.rangeClosed(4, 120).mapToObj(Long::valueOf).toList());
        assertThat(seen).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static List<Long> numbers(Reply page) {
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json().get("data").valueStream().map(m -> m.get("number").asLong()).toList();
    }

    @Test
    void theInboxOrdersByActivityAndFindsChatsByTitleNamePhoneBodyOrParticipant(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("inbox"));
        String tag = TestData.tag();
        client.putUser(token, "alice", "Alice Zyx" + tag, "+4915100000001");
        client.putUser(token, "bob", "Bob", "+4915177" + Math.abs(tag.hashCode() % 100000));
        long byTitle = client.newChat(token, "Refund " + tag.toUpperCase(), List.of("carol"));
        long byName = client.newChat(token, null, List.of("alice", "agent"));
        long byPhone = client.newChat(token, null, List.of("bob", "agent"));
        long byBody = client.newChat(token, null, List.of("dave", "agent"));
        client.postMessageAs(token, byBody, "my order " + tag + " never came", "dave");
        long quiet = client.newChat(token);
        client.postMessageAs(token, byName, "latest activity", "alice");

        await("inbox reflects the writes").atMost(WORKER_BOUND).untilAsserted(() -> {
            assertThat(client.listAllChats(token, "", 2)).containsExactly(byName, quiet, byBody, byPhone, byTitle);
            assertThat(client.listAllChats(token, "q=" + encode(tag.toLowerCase()), 2))
                    .containsExactlyInAnyOrder(byTitle, byName, byBody);
            assertThat(client.listAllChats(token, "q=00000001", 50)).containsExactly(byName);
            assertThat(client.listAllChats(token, "participant=agent", 1)).containsExactly(byName, byBody, byPhone);
        });
        JsonNode first = client.listChats(token, "limit=1").json().get("data").get(0);
        assertThat(first.get("last_message").get("body").asString()).isEqualTo("latest activity");
        assertThat(first.get("messages_count").isNumber()).isTrue();
    }

    @Test
    void walkingTheInboxWhileChatsAreCreatedNeverRepeatsAChatAndMissesNoneThatExisted(Platform platform)
            throws Exception {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("inbox-walk"));
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            existing.add(client.newChat(token));
        }
        await("chats persisted").atMost(WORKER_BOUND)
                .until(() -> client.listAllChats(token, "", 100).size() == existing.size());

        AtomicBoolean walking = new AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().start(() -> {
            while (walking.get()) {
                client.newChat(token);
            }
        });
        List<Long> seen;
        try {
            seen = client.listAllChats(token, "", 7);
        } finally {
            walking.set(false);
            writer.join();
        }
        assertThat(new HashSet<>(seen)).as("no chat repeated").hasSize(seen.size());
        assertThat(seen).containsAll(existing);
    }
}
