package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.NumberCounter;
import dev.chatplatform.application.port.out.NumberSequence;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The Redis counter in memory: each key holds its last number, its ceiling and its last stamp, changed
 * atomically; stamps come from the clock, never below the last one.
 */
public final class FakeNumberCounter implements NumberCounter {

    private final Map<NumberSequence, long[]> counters = new HashMap<>();
    private final Outage outage = new Outage("redis");
    private final Clock clock;

    public FakeNumberCounter() {
        this(Clock.systemUTC());
    }

    public FakeNumberCounter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Allocation next(NumberSequence key, long lowWater) {
        outage.check();
        long[] counter = counters.get(key);
        if (counter == null) {
            return new Allocation.Missing();
        }
        if (counter[0] + 1 > counter[1]) {
            return new Allocation.Exhausted(counter[1]);
        }
        long number = ++counter[0];
        long stamp = counter[2] = Math.max(counter[2], clock.millis());
        return counter[1] - number < lowWater ? new Allocation.NearCeiling(number, stamp, counter[1])
                : new Allocation.Allocated(number, stamp);
    }

    @Override
    public synchronized void open(NumberSequence key, long ceiling) {
        outage.check();
        counters.putIfAbsent(key, new long[] {0, ceiling, 0});
    }

    @Override
    public synchronized void seed(NumberSequence key, long floor) {
        outage.check();
        counters.putIfAbsent(key, new long[] {floor, floor, 0});
    }

    @Override
    public synchronized void raiseCeiling(NumberSequence key, long ceiling) {
        outage.check();
        long[] counter = counters.get(key);
        if (counter != null && ceiling > counter[1]) {
            counter[1] = ceiling;
        }
    }

    /** Forgets every counter, as a Redis restart without persistence does. */
    public synchronized void loseEverything() {
        counters.clear();
    }

    public synchronized OptionalLong ceilingOf(NumberSequence key) {
        long[] counter = counters.get(key);
        return counter == null ? OptionalLong.empty() : OptionalLong.of(counter[1]);
    }

    public synchronized boolean exists(NumberSequence key) {
        return counters.containsKey(key);
    }

    public Outage outage() {
        return outage;
    }
}
