package dev.chatplatform.adapters.rest.ratelimit;

import io.github.bucket4j.TimeMeter;

import java.util.concurrent.TimeUnit;

/** Time that moves only when the test says so, for the buckets and their eviction alike. */
final class ManualClock implements TimeMeter {

    private long nanos = TimeUnit.HOURS.toNanos(1);

    void advanceSeconds(long seconds) {
        advanceNanos(TimeUnit.SECONDS.toNanos(seconds));
    }

    void advanceNanos(long delta) {
        nanos += delta;
    }

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
