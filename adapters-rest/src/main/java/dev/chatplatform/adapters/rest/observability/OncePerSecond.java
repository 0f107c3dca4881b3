package dev.chatplatform.adapters.rest.observability;

import org.slf4j.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A log line for events that come by the thousand under load (refusals): counts them and writes at most one
 * line a second, with how many came since the last one, instead of a line each.
 */
public final class OncePerSecond {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Logger log;
    private final LongFunction<String> line;
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong lastLine = new AtomicLong(System.nanoTime() - SECOND);

    /** {@code line}: the warning to write, given how many events came since the last one. */
    public OncePerSecond(Logger log, LongFunction<String> line) {
        this.log = log;
        this.line = line;
    }

    /** One more event; writes the line if the last one is a second old. */
    public void count() {
        unlogged.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLine.get();
        if (now - last >= SECOND && lastLine.compareAndSet(last, now)) {
            log.warn(line.apply(unlogged.getAndSet(0)));
        }
    }
}
