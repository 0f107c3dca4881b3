package dev.chatplatform.adapters.rest.event;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class WebSocketSubscriberTest {

    private final WebSocketSession session = mock(WebSocketSession.class);
    private final CountDownLatch unblock = new CountDownLatch(1);

    WebSocketSubscriberTest() throws Exception {
        when(session.getId()).thenReturn("s1");
        // A client that stops reading: the first send never returns (until the test ends).
        doAnswer(invocation -> unblock.await(30, TimeUnit.SECONDS)).when(session).sendMessage(any());
    }

    @Test
    void givenAClientThatStopsReading_whenItsBufferFills_thenItIsClosedWith4008AndDeliveringNeverBlocks() throws Exception {
        WebSocketSubscriber subscriber = new WebSocketSubscriber(10, Duration.ofMinutes(1), () -> { });
        subscriber.start(session);

        long started = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            subscriber.deliver(new TextMessage("frame " + i));
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(tookMillis).isLessThan(1_000);
        assertThat(subscriber.isClosed()).isTrue();
        verify(session, timeout(5_000)).close(WebSocketSubscriber.FELL_BEHIND);
        assertThat(WebSocketSubscriber.FELL_BEHIND.getCode()).isEqualTo(4008);
        unblock.countDown();
    }

    @Test
    void givenASendStuckLongerThanTheLimit_whenTheHeartbeatRuns_thenTheSubscriberIsClosed() throws Exception {
        WebSocketSubscriber subscriber = new WebSocketSubscriber(100, Duration.ofMillis(50), () -> { });
        subscriber.start(session);
        subscriber.deliver(new TextMessage("stuck"));
        verify(session, timeout(5_000)).sendMessage(any());

        Thread.sleep(100); // past the send-time limit (the point of this test is elapsed time)
        subscriber.heartbeat();

        verify(session, timeout(5_000)).close(WebSocketSubscriber.FELL_BEHIND);
        unblock.countDown();
    }

    @Test
    void aReadingClientGetsEveryFrameInOrderAndPings() throws Exception {
        WebSocketSession fast = mock(WebSocketSession.class);
        when(fast.getId()).thenReturn("s2");
        java.util.List<WebSocketMessage<?>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        doAnswer(invocation -> sent.add(invocation.getArgument(0))).when(fast).sendMessage(any());
        WebSocketSubscriber subscriber = new WebSocketSubscriber(10, Duration.ofMinutes(1), () -> { });
        subscriber.start(fast);

        for (int i = 0; i < 5; i++) {
            subscriber.deliver(new TextMessage("frame " + i));
        }
        subscriber.heartbeat();

        verify(fast, timeout(5_000).times(6)).sendMessage(any());
        assertThat(sent.subList(0, 5)).extracting(m -> m.getPayload().toString())
                .containsExactly("frame 0", "frame 1", "frame 2", "frame 3", "frame 4");
        assertThat(sent.get(5)).isInstanceOf(org.springframework.web.socket.PingMessage.class);
        subscriber.stop();
        verify(fast, org.mockito.Mockito.never()).close(any(CloseStatus.class));
    }

    @Test
    void framesDeliveredBeforeTheConnectionOpensAreSentFirstOnceItDoes() throws Exception {
        WebSocketSession late = mock(WebSocketSession.class);
        when(late.getId()).thenReturn("s3");
        java.util.List<WebSocketMessage<?>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        doAnswer(invocation -> sent.add(invocation.getArgument(0))).when(late).sendMessage(any());
        WebSocketSubscriber subscriber = new WebSocketSubscriber(10, Duration.ofMinutes(1), () -> { });

        subscriber.deliver(new TextMessage("during the handshake"));
        subscriber.start(late);
        subscriber.deliver(new TextMessage("after"));

        verify(late, timeout(5_000).times(2)).sendMessage(any());
        assertThat(sent).extracting(m -> m.getPayload().toString()).containsExactly("during the handshake", "after");
    }

    @Test
    void aSubscriberThatFellBehindBeforeItsConnectionOpenedClosesItWith4008() throws Exception {
        WebSocketSession late = mock(WebSocketSession.class);
        when(late.getId()).thenReturn("s4");
        java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
        WebSocketSubscriber subscriber = new WebSocketSubscriber(2, Duration.ofMinutes(1), dropped::incrementAndGet);
        for (int i = 0; i < 3; i++) {
            subscriber.deliver(new TextMessage("frame " + i));
        }
        assertThat(subscriber.isClosed()).isTrue();

        subscriber.start(late);

        verify(late, timeout(5_000)).close(WebSocketSubscriber.FELL_BEHIND);
        verify(late, never()).sendMessage(any());
        assertThat(dropped).hasValue(1);
    }
}
