package dev.chatplatform.application.service;

import dev.chatplatform.application.port.in.ReconcileCountsUseCase;
import dev.chatplatform.application.port.out.CountStore;

/** Drains the set of changed scopes in bounded rounds, so one run never holds a long transaction. */
public final class ReconcileCountsService implements ReconcileCountsUseCase {

    private static final int SCOPES_PER_ROUND = 500;
    private static final int MAX_ROUNDS = 1000;

    private final CountStore counts;

    public ReconcileCountsService(CountStore counts) {
        this.counts = counts;
    }

    @Override
    public int reconcile() {
        int total = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int done = counts.reconcileChanged(SCOPES_PER_ROUND);
            total += done;
            if (done < SCOPES_PER_ROUND) {
                break;
            }
        }
        return total;
    }
}
