package dev.chatplatform.benchmarks;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;

import java.io.IOException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asynchronous publisher confirms with a bounded window of unconfirmed messages: the fastest way to
 * publish durably, which is what a ceiling measures (the API waits for each confirm, from many threads).
 */
final class Confirms implements ConfirmListener {

    private final Semaphore window;
    private final int size;
    private final ConcurrentSkipListSet<Long> outstanding = new ConcurrentSkipListSet<>();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong nacked = new AtomicLong();
    private final Channel channel;

    Confirms(Channel channel, int window) throws IOException {
        this.channel = channel;
        this.size = window;
        this.window = new Semaphore(window);
        channel.confirmSelect();
        channel.addConfirmListener(this);
    }

    /** Call before each basicPublish: waits for room in the window and records the sequence number. */
    void beforePublish() throws InterruptedException {
        window.acquire();
        outstanding.add(channel.getNextPublishSeqNo());
    }

    void awaitAll() throws InterruptedException {
        if (!window.tryAcquire(size, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("publishes still unconfirmed after 120 s: " + outstanding.size());
        }
        window.release(size);
    }

    long confirmed() {
        return confirmed.get();
    }

    long nacked() {
        return nacked.get();
    }

    @Override
    public void handleAck(long tag, boolean multiple) {
        settle(tag, multiple, confirmed);
    }

    @Override
    public void handleNack(long tag, boolean multiple) {
        settle(tag, multiple, nacked);
    }

    private void settle(long tag, boolean multiple, AtomicLong counter) {
        if (multiple) {
            var head = outstanding.headSet(tag, true);
            int n = 0;
            while (head.pollFirst() != null) {
                n++;
            }
            counter.addAndGet(n);
            window.release(n);
        } else if (outstanding.remove(tag)) {
            counter.incrementAndGet();
            window.release();
        }
    }
}
