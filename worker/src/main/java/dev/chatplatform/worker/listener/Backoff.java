package dev.chatplatform.worker.listener;

import dev.chatplatform.application.DependencyUnavailableException;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries work in place while a dependency is down, holding the deliveries unacknowledged: nothing is
 * requeued or dead-lettered because MySQL or Elasticsearch is briefly away, and the backlog simply waits.
 */
final class Backoff {

    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(10);

    private Backoff() {
    }

    static <T> T untilAvailable(Supplier<T> work, Logger log, String what) {
        Duration wait = FIRST;
        while (true) {
            try {
                return work.get();
            } catch (DependencyUnavailableException e) {
                log.warn("{}: {} is unavailable, retrying in {} ms", what, e.dependency(), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e; // shutting down: the deliveries stay unacknowledged and come back later
                }
                wait = wait.multipliedBy(2).compareTo(MAX) > 0 ? MAX : wait.multipliedBy(2);
            }
        }
    }
}
