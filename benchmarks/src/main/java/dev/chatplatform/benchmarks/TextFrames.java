package dev.chatplatform.benchmarks;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket subscriber of the JDK client that takes frames as they come and hands each whole text frame on, with
 * the instant it was complete (its last part arrived).
 */
abstract class TextFrames implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    /** A whole text frame, and when it was complete (System.nanoTime). */
    abstract void frame(String text, long arrivedNanos);

    @Override
    public void onOpen(WebSocket socket) {
        socket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            frame(text, now);
        }
        return null;
    }
}
