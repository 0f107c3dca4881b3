package dev.chatplatform.worker.job;

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

    public CountReconciliationJob(ReconcileCountsUseCase reconcileCounts) {
        this.reconcileCounts = reconcileCounts;
    }

    @Scheduled(fixedDelayString = "${chat.counts.reconcile-interval:PT1M}",
            initialDelayString = "${chat.counts.reconcile-initial-delay:PT5S}")
    public void reconcile() {
        try {
            int scopes = reconcileCounts.reconcile();
            if (scopes > 0) {
                LOG.info("reconciled counts of {} chats and applications", scopes);
            }
        } catch (DependencyUnavailableException e) {
            LOG.warn("count reconciliation skipped: {} is unavailable", e.dependency());
        }
    }
}
