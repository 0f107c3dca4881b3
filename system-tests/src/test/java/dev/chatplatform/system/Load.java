package dev.chatplatform.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs many requests from a fixed number of concurrent clients and keeps each one's outcome and latency. */
final class Load {

    static final Duration BOUND = Duration.ofMinutes(3);

    /** One task's result, or the exception it threw (a transport failure: the server never answered). */
    record Outcome<T>(int index, T value, Throwable error, long startNanos, long nanos) {

        boolean failed() {
            return error != null;
        }
    }

    private Load() {
    }

    /** Runs {@code tasks} tasks on {@code clients} threads; the outcomes come back in task order. */
    static <T> List<Outcome<T>> run(int clients, int tasks, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    try {
                        T value = task.apply(index);
                        return new Outcome<>(index, value, null, start, System.nanoTime() - start);
                    } catch (RuntimeException e) {
                        return new Outcome<>(index, null, e, start, System.nanoTime() - start);
                    }
                }));
            }
            pool.shutdown();
            if (!pool.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(tasks + " tasks did not finish within " + BOUND);
            }
            List<Outcome<T>> outcomes = new ArrayList<>(tasks);
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Nearest-rank percentile of the latencies, in milliseconds. */
    static double percentileMillis(List<? extends Outcome<?>> outcomes, double percentile) {
        long[] nanos = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * nanos.length);
        return nanos[Math.max(0, rank - 1)] / 1e6;
    }
}
