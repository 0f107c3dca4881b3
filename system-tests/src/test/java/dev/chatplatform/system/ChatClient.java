package dev.chatplatform.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API over real HTTP, as a client app would call it: JSON in, status + JSON out, nothing mocked. */
final class ChatClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer. {@code json()} parses the body on demand. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        long number() {
            return json().get("number").asLong();
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ChatClient(URI base) {
        this.base = base;
    }

    /** The API's base address, for clients other than this one (a browser). */
    URI base() {
        return base;
    }

    // --- the API's operations -------------------------------------------------------------------

    /** Creates an application and returns its token. */
    String createApp(String name) {
        Reply reply = post("/api/v1/applications", Map.of("name", name));
        if (reply.status() != 201) {
            throw new IllegalStateException("creating an application answered " + reply);
        }
        return reply.json().get("token").asString();
    }

    Reply getApp(String token) {
        return get(appPath(token));
    }

    Reply createChat(String token) {
        return send(request(appPath(token) + "/chats").POST(json(Map.of())));
    }

    /** Creates a chat and returns its number. */
    long newChat(String token) {
        Reply reply = createChat(token);
        if (reply.status() != 201) {
            throw new IllegalStateException("creating a chat answered " + reply);
        }
        return reply.number();
    }

    Reply getChat(String token, long chat) {
        return get(chatPath(token, chat));
    }

    Reply listChats(String token) {
        return get(appPath(token) + "/chats");
    }

    Reply postMessage(String token, long chat, String body) {
        return post(chatPath(token, chat) + "/messages", Map.of("body", body));
    }

    /** Posts a message and returns its number. */
    long newMessage(String token, long chat, String body) {
        Reply reply = postMessage(token, chat, body);
        if (reply.status() != 201) {
            throw new IllegalStateException("posting a message answered " + reply);
        }
        return reply.number();
    }

    Reply getMessage(String token, long chat, long number) {
        return get(chatPath(token, chat) + "/messages/" + number);
    }

    Reply listMessages(String token, long chat, String query) {
        return get(chatPath(token, chat) + "/messages" + (query.isEmpty() ? "" : "?" + query));
    }

    Reply editMessage(String token, long chat, long number, String body) {
        return send(request(chatPath(token, chat) + "/messages/" + number).method("PATCH", json(Map.of("body", body))));
    }

    Reply search(String token, long chat, String q, int limit, String cursor) {
        String query = "q=" + encode(q) + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor));
        return get(chatPath(token, chat) + "/messages/search?" + query);
    }

    /** Walks every page of a search; returns the message numbers in the order they came, duplicates kept. */
    List<Long> searchAll(String token, long chat, String q) {
        List<Long> numbers = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = search(token, chat, q, 100, cursor);
            if (page.status() != 200) {
                throw new IllegalStateException("search answered " + page);
            }
            JsonNode json = page.json();
            json.get("data").forEach(message -> numbers.add(message.get("number").asLong()));
            JsonNode next = json.get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return numbers;
    }

    /** Walks every page of a chat's message list; returns number -> body, failing on a number seen twice. */
    Map<Long, String> listAllMessages(String token, long chat) {
        Map<Long, String> byNumber = new LinkedHashMap<>();
        String cursor = null;
        do {
            Reply page = listMessages(token, chat, "limit=100" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            if (page.status() != 200) {
                throw new IllegalStateException("listing messages answered " + page);
            }
            JsonNode json = page.json();
            for (JsonNode message : json.get("data")) {
                if (byNumber.put(message.get("number").asLong(), message.get("body").asString()) != null) {
                    throw new IllegalStateException("message " + message.get("number") + " listed twice");
                }
            }
            JsonNode next = json.get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return byNumber;
    }

    // --- users, participants, reactions, receipts ------------------------------------------------

    Reply putUser(String token, String userId, String name, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (phone != null) {
            body.put("phone", phone);
        }
        return send(request(appPath(token) + "/users/" + userId).PUT(json(body)));
    }

    Reply getUser(String token, String userId) {
        return get(appPath(token) + "/users/" + userId);
    }

    /** Creates a chat with these participants (and title, when not null) and returns its number. */
    long newChat(String token, String title, List<String> participants) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (title != null) {
            body.put("title", title);
        }
        body.put("participants", participants);
        Reply reply = post(appPath(token) + "/chats", body);
        if (reply.status() != 201) {
            throw new IllegalStateException("creating a chat answered " + reply);
        }
        return reply.number();
    }

    Reply postMessageAs(String token, long chat, String body, String sender) {
        return post(chatPath(token, chat) + "/messages", Map.of("body", body, "sender", sender));
    }

    Reply react(String token, long chat, long message, String userId, String type, int score) {
        return post(chatPath(token, chat) + "/messages/" + message + "/reactions",
                Map.of("user_id", userId, "type", type, "score", score));
    }

    Reply receipt(String token, long chat, String userId, Long deliveredUpTo, Long readUpTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        if (deliveredUpTo != null) {
            body.put("delivered_up_to", deliveredUpTo);
        }
        if (readUpTo != null) {
            body.put("read_up_to", readUpTo);
        }
        return post(chatPath(token, chat) + "/receipts", body);
    }

    Reply listChats(String token, String query) {
        return get(appPath(token) + "/chats" + (query.isEmpty() ? "" : "?" + query));
    }

    /** Walks every page of the inbox with this query; returns chat numbers in the order they came, duplicates kept. */
    List<Long> listAllChats(String token, String query, int limit) {
        List<Long> numbers = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = listChats(token, (query.isEmpty() ? "" : query + "&") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            if (page.status() != 200) {
                throw new IllegalStateException("listing chats answered " + page);
            }
            JsonNode json = page.json();
            json.get("data").forEach(chat -> numbers.add(chat.get("number").asLong()));
            JsonNode next = json.get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return numbers;
    }

    // --- raw HTTP ---------------------------------------------------------------------------------

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, Object body) {
        return send(request(path).POST(json(body)));
    }

    /** A request with the headers a JSON client sends; callers may override them. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request written byte for byte on a socket, for targets {@link java.net.URI} refuses to build
     * (malformed percent-encoding). HTTP/1.0, so the answer is neither chunked nor kept alive.
     */
    Reply raw(String method, String target) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((method + " " + target + " HTTP/1.0\r\nHost: " + base.getHost()
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, headerEnd).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(head[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(head[0].split(" ")[1]), HttpHeaders.of(headers, (k, v) -> true),
                    response.substring(headerEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    static String appPath(String token) {
        return "/api/v1/applications/" + token;
    }

    static String chatPath(String token, long chat) {
        return appPath(token) + "/chats/" + chat;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
