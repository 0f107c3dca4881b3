package dev.chatplatform.adapters.rest.event;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection's bounded outgoing buffer, drained by a virtual thread of its own: the dispatcher only
 * ever queues, so a connection that does not read delays nobody else. It is subscribed during the
 * handshake, before the connection exists, and buffers until {@link #start} gives it the connection: an
 * event dispatched between the 101 and the container's open callback is sent, not lost. A subscriber that falls behind
 * (its buffer is full, or one send has been stuck longer than the send-time limit) is closed with
 * {@link #FELL_BEHIND}; the client resumes by paging the chat's messages after the last number it saw.
 */
final class WebSocketSubscriber implements Subscriber {

    /** Close code (private-use range) for a subscriber that fell behind. */
    static final CloseStatus FELL_BEHIND = new CloseStatus(4008,
            "fell behind: reconnect and page GET .../messages?after=<last message_number> to resume");

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketSubscriber.class);
    private static final WebSocketMessage<?> STOP = new TextMessage("");
    private static final int MAX_BATCH = 64;

    private volatile WebSocketSession session;
    private final BlockingQueue<WebSocketMessage<?>> outgoing;
    private final Duration sendTimeLimit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long sendingSince;
    private volatile boolean fellBehindEarly;

    private final Runnable onFellBehind;

    /** {@code onFellBehind}: told when this subscriber is closed for not reading in time. */
    WebSocketSubscriber(int bufferSize, Duration sendTimeLimit, Runnable onFellBehind) {
        this.onFellBehind = onFellBehind;
        this.outgoing = new ArrayBlockingQueue<>(bufferSize);
        this.sendTimeLimit = sendTimeLimit;
    }

    /** The connection is open: sends what was buffered since the handshake, then whatever comes. */
    void start(WebSocketSession session) {
        this.session = session;
        Thread.ofVirtual().name("ws-send-" + session.getId()).start(this::drain);
    }

    @Override
    public void deliver(TextMessage frame) {
        if (!closed.get() && !outgoing.offer(frame)) {
            fellBehind("buffer of " + (outgoing.size() + outgoing.remainingCapacity()) + " frames full");
        }
    }

    /** Queues a ping, and closes a subscriber whose current send has been stuck too long. */
    void heartbeat() {
        long since = sendingSince;
        if (since != 0 && System.nanoTime() - since > sendTimeLimit.toNanos()) {
            fellBehind("a send stuck for over " + sendTimeLimit);
            return;
        }
        if (!closed.get() && !outgoing.offer(new PingMessage(ByteBuffer.allocate(0)))) {
            fellBehind("buffer full at heartbeat");
        }
    }

    /** The connection is gone (closed by either side): stop the sender. */
    void stop() {
        if (closed.compareAndSet(false, true)) {
            outgoing.clear();
            outgoing.offer(STOP);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private void fellBehind(String why) {
        if (closed.compareAndSet(false, true)) {
            WebSocketSession open = session;
            LOG.info("closing slow subscriber {}: {}", open == null ? "(still opening)" : open.getId(), why);
            onFellBehind.run();
            if (open == null) {
                fellBehindEarly = true; // the sender closes the connection once it has one (see drain)
            }
            outgoing.clear();
            outgoing.offer(STOP);
            if (open == null) {
                return;
            }
            // Closing may block on a connection that does not read: never on the caller's thread.
            Thread.ofVirtual().name("ws-close-" + open.getId()).start(() -> close(FELL_BEHIND));
        }
    }

    /**
     * Sends what is queued. Frames that queued up while one was being sent go out together: written into the
     * container's buffer with batching on and flushed once, so a burst costs a socket write per batch rather
     * than per frame (with 200 subscribers of one chat, a socket write per frame and subscriber was most of
     * the fan-out's CPU). Without a Jakarta WebSocket session underneath, one send per frame.
     */
    private void drain() {
        RemoteEndpoint.Basic remote = session instanceof NativeWebSocketSession running
                && running.getNativeSession(Session.class) instanceof Session container ? container.getBasicRemote() : null;
        List<WebSocketMessage<?>> batch = new ArrayList<>(MAX_BATCH);
        try {
            if (remote != null) {
                remote.setBatchingAllowed(true);
            }
            while (true) {
                batch.add(outgoing.take());
                outgoing.drainTo(batch, MAX_BATCH - 1);
                sendingSince = System.nanoTime();
                try {
                    for (WebSocketMessage<?> message : batch) {
                        if (message == STOP) {
                            if (fellBehindEarly) {
                                close(FELL_BEHIND);
                            }
                            return;
                        }
                        if (remote != null && message instanceof TextMessage text) {
                            remote.sendText(text.getPayload());
                        } else {
                            session.sendMessage(message);
                        }
                    }
                    if (remote != null) {
                        remote.flushBatch();
                    }
                } finally {
                    sendingSince = 0;
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.debug("send to {} failed: {}", session.getId(), e.toString());
            if (closed.compareAndSet(false, true)) {
                close(CloseStatus.SERVER_ERROR);
            }
        }
    }

    private void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing {} failed: {}", session.getId(), e.toString());
        }
    }
}
