package dev.chatplatform.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publish-to-delivery latency of real-time events: {@code bench.events.subscribers} WebSocket subscribers
 * (default 200) of one new chat of the data set's application, then {@code bench.events.messages} messages
 * (default 500) posted by 16 concurrent posters. A frame's latency is its arrival minus the arrival of its
 * POST's 201, both taken on this machine's clock. Also counts frames that never came and subscribers that
 * saw the chat's messages out of number order. A round of {@code bench.events.warmup-messages} (default 200) in a chat
 * of its own comes first and is not reported: it compiles the client's code (and the API's) before the burst that is
 * measured. Results go under {@code bench.events.key} (default {@code events}): the full run measures 200 subscribers x
 * 500 messages, then 1,000 x 1,000 under {@code events_1000}.
 */
public final class EventLatency {

    private static final Pattern NUMBER = Pattern.compile("\"number\":(\\d+)");
    private static final Pattern MESSAGE_NUMBER = Pattern.compile("\"message_number\":(\\d+)");

    private EventLatency() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = Settings.intProp("bench.events.subscribers", 200);
        int messages = Settings.intProp("bench.events.messages", 500);
        int warmUp = Settings.intProp("bench.events.warmup-messages", Math.min(messages, 200));
        String api = Settings.api();
        String token = Settings.token();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        // A round not reported first, in a chat of its own: a fresh client JVM spent about half its CPU compiling
        // (C1 and C2 threads) during the measured burst, on the cores the API needs to send the frames.
        if (warmUp > 0) {
            round(http, api, token, subscribers, warmUp);
            Thread.sleep(1_000);
        }
        round(http, api, token, subscribers, messages).report(Settings.prop("bench.events.key", "events"), subscribers,
                messages);
    }

    private record Round(double postSeconds, Latencies posts, Latencies delivered, long missing, int outOfOrder) {
        void report(String key, int subscribers, int messages) {
            Results.put(key + ".subscribers", subscribers);
            Results.put(key + ".messages", messages);
            Results.put(key + ".posted_per_s", messages / postSeconds);
            Results.put(key + ".post", posts.summary());
            Results.put(key + ".delivery", delivered.summary());
            Results.put(key + ".missing", missing);
            Results.put(key + ".out_of_order_subscribers", outOfOrder);
        }
    }

    /** Subscribers of a new chat, then the messages posted to it by 16 posters; what each subscriber saw. */
    private static Round round(HttpClient http, String api, String token, int subscribers,
                               int messages) throws InterruptedException {
        long chat = number(post(http, api + "/api/v1/applications/" + token + "/chats", "{}"));
        URI events = URI.create(api.replaceFirst("^http", "ws") + "/api/v1/applications/" + token + "/chats/" + chat + "/events");
        List<Subscriber> streams = new ArrayList<>();
        for (int wave = 0; wave < subscribers; wave += 50) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = wave; i < Math.min(subscribers, wave + 50); i++) {
                Subscriber subscriber = new Subscriber(messages);
                streams.add(subscriber);
                opening.add(http.newWebSocketBuilder().buildAsync(events, subscriber));
            }
            opening.forEach(CompletableFuture::join);
        }
        Thread.sleep(500); // the instance's queue binding and the subscriptions settle before the first post

        AtomicLongArray acknowledged = new AtomicLongArray(messages + 1);
        AtomicInteger sent = new AtomicInteger();
        Latencies posts = new Latencies();
        long burst = System.nanoTime();
        try (ExecutorService posters = Executors.newFixedThreadPool(16)) {
            for (int p = 0; p < 16; p++) {
                posters.submit(() -> {
                    while (sent.getAndIncrement() < messages) {
                        long start = System.nanoTime();
                        long number = number(post(http, api + "/api/v1/applications/" + token + "/chats/" + chat + "/messages",
                                "{\"body\":\"event latency probe\"}"));
                        long now = System.nanoTime();
                        posts.add(now - start);
                        if (number <= messages) {
                            acknowledged.set((int) number, now);
                        }
                    }
                    return null;
                });
            }
        }
        double postSeconds = (System.nanoTime() - burst) / 1e9;

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && streams.stream().anyMatch(s -> s.received.get() < messages)) {
            Thread.sleep(100);
        }
        Latencies delivered = new Latencies();
        long missing = 0;
        int outOfOrder = 0;
        for (Subscriber stream : streams) {
            for (int n = 1; n <= messages; n++) {
                long arrived = stream.arrivals.get(n);
                if (arrived == 0 || acknowledged.get(n) == 0) {
                    missing++;
                } else {
                    delivered.add(Math.max(0, arrived - acknowledged.get(n)));
                }
            }
            outOfOrder += stream.inOrder ? 0 : 1;
            stream.socket.abort();
        }
        return new Round(postSeconds, posts, delivered, missing, outOfOrder);
    }

    private static String post(HttpClient http, String url, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    return response.body();
                }
                if (attempt == 5) {
                    throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (java.io.IOException e) {
                if (attempt == 5) {
                    throw new IllegalStateException(url + " failed", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long number(String json) {
        Matcher matcher = NUMBER.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no number in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** One subscriber: when each message.created frame arrived, and whether they came in number order. */
    private static final class Subscriber extends TextFrames {

        private final AtomicLongArray arrivals;
        private final AtomicInteger received = new AtomicInteger();
        private volatile boolean inOrder = true;
        private long last;
        private WebSocket socket;

        Subscriber(int messages) {
            this.arrivals = new AtomicLongArray(messages + 1);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            super.onOpen(webSocket);
        }

        @Override
        void frame(String frame, long arrivedNanos) {
            if (!frame.contains("\"message.created\"")) {
                return;
            }
            Matcher matcher = MESSAGE_NUMBER.matcher(frame);
            if (matcher.find()) {
                long number = Long.parseLong(matcher.group(1));
                if (number < arrivals.length() && arrivals.compareAndSet((int) number, 0, arrivedNanos)) {
                    received.incrementAndGet();
                }
                inOrder &= number > this.last;
                this.last = Math.max(this.last, number);
            }
        }
    }
}
