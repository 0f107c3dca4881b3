package dev.chatplatform.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed-loop load for the probes that are not HTTP, as wrk drives the API: {@code clients} threads each
 * run the operation again as soon as it returns, for the duration. The count over the duration is the
 * throughput; each latency is one operation's own.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    public static Latencies.Summary run(int clients, Duration duration, FixedRate.Operation operation)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name("closed-loop-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    try {
                        operation.run();
                        latencies.add(System.nanoTime() - started);
                    } catch (Exception e) {
                        latencies.error();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return latencies.summary();
    }
}
