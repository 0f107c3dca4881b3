package dev.chatplatform.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A subscriber to a chat's events over java.net.http.WebSocket, recording each frame's type, message
 * number and arrival time. One that does not read asks for one frame and then never for more, so its
 * socket fills up as a stalled client's would.
 */
final class EventStream implements WebSocket.Listener {

    /** One frame as received; {@code text} is kept only when asked for (a burst to 1,000 subscribers is a lot of text). */
    record Frame(String type, long messageNumber, long arrivedNanos, String text) {
    }

    private final boolean reading;
    private final boolean keepText;
    /**
     * Appended by the listener (one frame at a time: the client calls it sequentially), read by the test. Not a
     * CopyOnWriteArrayList: a thousand streams of a thousand frames each copied their whole list on every frame.
     */
    private final List<Frame> frames = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;

    private EventStream(boolean reading, boolean keepText) {
        this.reading = reading;
        this.keepText = keepText;
    }

    static URI eventsUri(URI apiBase, String token, long chat) {
        return URI.create(apiBase.toString().replaceFirst("^http", "ws") + ChatClient.chatPath(token, chat) + "/events");
    }

    static CompletableFuture<EventStream> open(HttpClient http, URI apiBase, String token, long chat, boolean reading,
                                               boolean keepText) {
        EventStream stream = new EventStream(reading, keepText);
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(eventsUri(apiBase, token, chat), stream)
                .handle((socket, error) -> {
                    if (error == null) {
                        return stream;
                    }
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof WebSocketHandshakeException refused) {
                        throw new IllegalStateException("handshake refused with " + refused.getResponse().statusCode(), refused);
                    }
                    throw new IllegalStateException("could not connect", cause);
                });
    }

    static EventStream open(URI apiBase, String token, long chat) {
        return open(HttpClient.newHttpClient(), apiBase, token, chat, true, true).join();
    }

    /** The HTTP status of a refused handshake, or 101 if it was accepted. */
    static int handshakeStatus(URI apiBase, String token, long chat) {
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(eventsUri(apiBase, token, chat), new WebSocket.Listener() { })
                    .get(30, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        // A reading stream takes frames as they come, as a device would; a stalled one takes one and stops.
        webSocket.request(reading ? Long.MAX_VALUE : 1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            frames.add(new Frame(field(text, "\"type\":\""), number(text), now, keepText ? text : null));
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** A stalled subscriber that starts reading again, as fast as frames come. */
    void resumeReading() {
        socket.request(Long.MAX_VALUE);
    }

    List<Frame> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    List<Long> createdNumbers() {
        synchronized (frames) { // read in place: the test polls this on every stream every second
            return frames.stream().filter(f -> "message.created".equals(f.type())).map(Frame::messageNumber).toList();
        }
    }

    /** The close code the server sent, once it did. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    void close() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private static String field(String text, String prefix) {
        int start = text.indexOf(prefix);
        if (start < 0) {
            return null;
        }
        start += prefix.length();
        return text.substring(start, text.indexOf('"', start));
    }

    private static long number(String text) {
        int start = text.indexOf("\"message_number\":");
        if (start < 0) {
            return -1;
        }
        start += "\"message_number\":".length();
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return Long.parseLong(text.substring(start, end));
    }
}
