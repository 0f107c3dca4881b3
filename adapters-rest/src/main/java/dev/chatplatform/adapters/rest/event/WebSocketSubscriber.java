package dev.chatplatform.adapters.rest.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection's bounded outgoing buffer, drained by a virtual thread of its own: the dispatcher only
 * ever queues, so a connection that does not read delays nobody else. A subscriber that falls behind
 * (its buffer is full, or one send has been stuck longer than the send-time limit) is closed with
 * {@link #FELL_BEHIND}; the client resumes by paging the chat's messages after the last number it saw.
 */
final class WebSocketSubscriber implements Subscriber {

    /** Close code (private-use range) for a subscriber that fell behind. */
    static final CloseStatus FELL_BEHIND = new CloseStatus(4008,
            "fell behind: reconnect and page GET .../messages?after=<last message_number> to resume");

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketSubscriber.class);
    private static final WebSocketMessage<?> STOP = new TextMessage("");

    private final WebSocketSession session;
    private final BlockingQueue<WebSocketMessage<?>> outgoing;
    private final Duration sendTimeLimit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long sendingSince;

    WebSocketSubscriber(WebSocketSession session, int bufferSize, Duration sendTimeLimit) {
        this.session = session;
        this.outgoing = new ArrayBlockingQueue<>(bufferSize);
        this.sendTimeLimit = sendTimeLimit;
    }

    void start() {
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
            LOG.info("closing slow subscriber {}: {}", session.getId(), why);
            outgoing.clear();
            outgoing.offer(STOP);
            // Closing may block on a connection that does not read: never on the caller's thread.
            Thread.ofVirtual().name("ws-close-" + session.getId()).start(() -> close(FELL_BEHIND));
        }
    }

    private void drain() {
        try {
            while (true) {
                WebSocketMessage<?> message = outgoing.take();
                if (message == STOP) {
                    return;
                }
                sendingSince = System.nanoTime();
                try {
                    session.sendMessage(message);
                } finally {
                    sendingSince = 0;
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
