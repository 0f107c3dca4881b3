package dev.chatplatform.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An API instance allowed 4 requests at once, hit by 48 clients at once: the requests over the limit get a
 * 503 with Retry-After and an "overloaded" problem at once, never a 500 or a timeout; exactly the messages
 * answered 201 are persisted, each once, and none of the refused ones.
 */
@ExtendWith(PlatformExtension.class)
class LoadSheddingIT {

    private static final int CLIENTS = 48;
    private static final int POSTS_PER_CLIENT = 25;

    @Test
    void requestsOverTheLimitAreRefusedAtOnceAndOnlyTheAcceptedArePersisted(Platform platform) throws Exception {
        platform.ensureWorkerRunning();
        // No queue wait, so the limit shows at any speed of the machine (the wait is InFlightLimitFilterTest's).
        URI limited = platform.extraApiUri("api-limited", Map.of("CHAT_API_MAX_IN_FLIGHT", "4", "CHAT_API_MAX_QUEUE_WAIT", "PT0S"));
        ChatClient setup = platform.client();
        String token = setup.createApp(TestData.appName("shedding"));
        long appId = platform.truth().appId(token).orElseThrow();
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chats.add(setup.newChat(token));
        }

        Map<Long, Set<Long>> accepted = new ConcurrentHashMap<>();
        chats.forEach(chat -> accepted.put(chat, ConcurrentHashMap.newKeySet()));
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger refusedWithoutRetryAfter = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                ChatClient http = new ChatClient(limited);
                go.await();
                for (int i = 0; i < POSTS_PER_CLIENT; i++) {
                    long chat = chats.get((client + i) % chats.size());
                    ChatClient.Reply reply = http.postMessage(token, chat, "client " + client + " post " + i);
                    if (reply.status() == 201) {
                        long number = ChatClient.JSON.readTree(reply.body()).path("number").asLong();
                        if (!accepted.get(chat).add(number)) {
                            unexpected.add("number " + number + " answered twice in chat " + chat);
                        }
                    } else if (reply.status() == 503 && reply.body().contains("/problems/overloaded")) {
                        refused.incrementAndGet();
                        if (!"1".equals(reply.headers().firstValue("Retry-After").orElse(null))) {
                            refusedWithoutRetryAfter.incrementAndGet();
                        }
                    } else {
                        unexpected.add(reply.status() + " " + reply.body());
                    }
                }
                return null;
            });
        }
        long started = System.nanoTime();
        go.countDown();
        clients.shutdown();
        assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).as("clients finished").isTrue();
        int total = accepted.values().stream().mapToInt(Set::size).sum();
        log("load shedding: %d clients x %d posts against max-in-flight 4 in %.1f s: %d answered 201, %d refused 503",
                CLIENTS, POSTS_PER_CLIENT, Platform.seconds(started), total, refused.get());

        assertThat(unexpected).as("answers other than 201 or an overloaded 503").isEmpty();
        assertThat(refused.get()).as("some requests were over the limit").isPositive();
        assertThat(refusedWithoutRetryAfter.get()).isZero();
        assertThat(total + refused.get()).isEqualTo(CLIENTS * POSTS_PER_CLIENT);
        for (long chat : chats) {
            Set<Long> numbers = new TreeSet<>(accepted.get(chat));
            await("chat " + chat + " persisted").atMost(Duration.ofSeconds(60))
                    .until(() -> platform.truth().messageCount(appId, chat) >= numbers.size());
            assertThat(platform.truth().messages(appId, chat).keySet()).as("persisted = answered 201 in chat %d", chat)
                    .containsExactlyInAnyOrderElementsOf(numbers);
        }
    }
}
