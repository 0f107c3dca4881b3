package dev.chatplatform.worker.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.in.ReconcileCountsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps chats_count and messages_count within one interval of the truth (chat.counts.reconcile-interval,
 * one minute by default, at most an hour by contract). Runs on every worker; the recount is idempotent.
 */
@Component
public class CountReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(CountReconciliationJob.class);

    private final ReconcileCountsUseCase reconcileCounts;
    private final Timer runs;
    private final Timer skipped;
    private final Counter scopesRecounted;

    /** {@code chat.counts.reconcile}: each run's time ({@code outcome} done or skipped); scopes it recounted. */
    public CountReconciliationJob(ReconcileCountsUseCase reconcileCounts, MeterRegistry meters) {
        this.reconcileCounts = reconcileCounts;
        this.runs = Timer.builder("chat.counts.reconcile").tag("outcome", "done")
                .description("Count reconciliation runs").register(meters);
        this.skipped = Timer.builder("chat.counts.reconcile").tag("outcome", "skipped")
                .description("Count reconciliation runs").register(meters);
        this.scopesRecounted = Counter.builder("chat.counts.reconciled.scopes")
                .description("Chats and applications whose counts were recounted").register(meters);
    }


    @Scheduled(fixedDelayString = "${chat.counts.reconcile-interval:PT1M}",
            initialDelayString = "${chat.counts.reconcile-initial-delay:PT5S}")
    public void reconcile() {
        long started = System.nanoTime();
        try {
            int scopes = reconcileCounts.reconcile();
            runs.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            scopesRecounted.increment(scopes);
            if (scopes > 0) {
                LOG.info("reconciled counts of {} chats and applications", scopes);
            }
        } catch (DependencyUnavailableException e) {
            skipped.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            LOG.warn("count reconciliation skipped: {} is unavailable", e.dependency());
        }
    }
}
