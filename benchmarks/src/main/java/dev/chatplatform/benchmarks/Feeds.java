package dev.chatplatform.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Endless random inputs for the simulations, drawn from the data set's description and queries. */
public final class Feeds {

    private Feeds() {
    }

    /** A random chat of the data set and a message body of a few words the data set uses. */
    public static Iterator<Map<String, Object>> messages() {
        long chats = Settings.chats();
        List<String> words = Settings.queries("content");
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            StringBuilder body = new StringBuilder("bench");
            int n = 3 + random.nextInt(15);
            for (int i = 0; i < n; i++) {
                body.append(' ').append(words.get(random.nextInt(words.size())));
            }
            return Map.<String, Object>of("chat", 1 + random.nextLong(chats), "body", json(body.toString()));
        }).iterator();
    }

    /** Random values of one kind of query, under the key {@code q}. */
    public static Iterator<Map<String, Object>> queries(String kind) {
        List<String> values = Settings.queries(kind);
        return Stream.generate(() -> Map.<String, Object>of("q",
                values.get(ThreadLocalRandom.current().nextInt(values.size())))).iterator();
    }

    /** A JSON string's content (without quotes). */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Follows next_cursor down the inbox {@code pages} pages, as a client would, and returns the cursor of
     * the page after them (null when the inbox is shorter).
     */
    public static String deepInboxCursor(String api, String token, int pages, int limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            String url = api + "/api/v1/applications/" + token + "/chats?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("inbox page " + i + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode next = json.readTree(response.body()).path("next_cursor");
            if (next.isNull() || next.isMissingNode()) {
                return null;
            }
            cursor = next.asString();
        }
        return cursor;
    }
}
