package dev.chatplatform.application.service;

import dev.chatplatform.application.fakes.FakeCountStore;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileCountsServiceTest {

    @Test
    void drainsTheChangedScopesInRoundsUntilARoundIsNotFull() {
        FakeCountStore counts = new FakeCountStore(1234);

        int reconciled = new ReconcileCountsService(counts).reconcile();

        assertThat(reconciled).isEqualTo(1234);
        assertThat(counts.calls()).containsExactly(500, 500, 500);
        assertThat(counts.changedScopes()).isZero();
    }

    @Test
    void aFullLastRoundIsFollowedByOneThatFindsNothing() {
        FakeCountStore counts = new FakeCountStore(1000);

        assertThat(new ReconcileCountsService(counts).reconcile()).isEqualTo(1000);
        assertThat(counts.calls()).hasSize(3);
    }

    @Test
    void nothingChangedIsOneEmptyRound() {
        FakeCountStore counts = new FakeCountStore(0);

        assertThat(new ReconcileCountsService(counts).reconcile()).isZero();
        assertThat(counts.calls()).containsExactly(500);
    }

    @Test
    void oneRunIsBoundedEvenIfChangesNeverRunOut() {
        FakeCountStore counts = new FakeCountStore(Long.MAX_VALUE);

        int reconciled = new ReconcileCountsService(counts).reconcile();

        assertThat(counts.calls()).isEqualTo(Collections.nCopies(1000, 500));
        assertThat(reconciled).isEqualTo(500_000);
    }
}
