package dev.chatplatform.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load for the probes that are not HTTP (the bare SQL of an inbox page): operations
 * start at a constant rate whatever the previous ones are doing, and each latency is measured from the
 * instant the operation was due, so a stall counts against every operation it delayed (no coordinated
 * omission).
 */
public final class FixedRate {

    public interface Operation {
        void run() throws Exception;
    }

    private FixedRate() {
    }

    public static Latencies.Summary run(double perSecond, Duration duration, int threads, Operation operation)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long interval = (long) (1e9 / perSecond);
        long total = Math.max(1, (long) (perSecond * duration.toNanos() / 1e9));
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pool.execute(() -> {
                try {
                    operation.run();
                    latencies.add(System.nanoTime() - due);
                } catch (Exception e) {
                    latencies.error();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return latencies.summary();
    }
}
