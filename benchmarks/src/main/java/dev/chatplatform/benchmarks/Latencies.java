package dev.chatplatform.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies in nanoseconds, collected from many threads, summarised as percentiles. */
public final class Latencies {

    private long[] values = new long[1024];
    private int size;
    private final AtomicLong errors = new AtomicLong();

    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public void error() {
        errors.incrementAndGet();
    }

    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(size, errors.get(), percentile(sorted, 50), percentile(sorted, 99),
                size == 0 ? 0 : sorted[size - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    public record Summary(long count, long errors, double p50Millis, double p99Millis, double maxMillis) {
    }
}
