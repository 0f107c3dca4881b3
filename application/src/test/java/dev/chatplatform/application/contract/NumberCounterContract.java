package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.NumberCounter;
import dev.chatplatform.application.port.out.NumberCounter.Allocation;
import dev.chatplatform.application.port.out.NumberSequence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link NumberCounter}'s Javadoc promises, for the fake and for Redis. */
public abstract class NumberCounterContract extends PortContract {

    /** The counter under test; called once per test. */
    protected abstract NumberCounter counter();

    private NumberCounter counter;

    private NumberCounter subject() {
        if (counter == null) {
            counter = counter();
        }
        return counter;
    }

    private NumberSequence newKey() {
        return NumberSequence.chatsOf(newApp());
    }

    @Test
    void openedCounterHandsOutOneTwoThree() {
        NumberSequence key = newKey();
        subject().open(key, 1000);

        assertThat(List.of(subject().next(key), subject().next(key), subject().next(key))).containsExactly(
                new Allocation.Allocated(1), new Allocation.Allocated(2), new Allocation.Allocated(3));
    }

    @Test
    void aLowWaterMarkSaysWhenTheCeilingIsNear() {
        NumberSequence key = newKey();
        subject().open(key, 10);

        for (long n = 1; n <= 5; n++) {
            assertThat(subject().next(key, 5)).isEqualTo(new Allocation.Allocated(n));
        }
        assertThat(subject().next(key, 5)).as("4 left under the ceiling").isEqualTo(new Allocation.NearCeiling(6, 10));
        assertThat(subject().next(key)).as("no low-water mark: plain").isEqualTo(new Allocation.Allocated(7));
        assertThat(subject().next(key, 5)).isEqualTo(new Allocation.NearCeiling(8, 10));
        subject().raiseCeiling(key, 20);
        assertThat(subject().next(key, 5)).isEqualTo(new Allocation.Allocated(9));
        assertThat(subject().next(key, 5)).isEqualTo(new Allocation.Allocated(10));
    }

    @Test
    void counterNobodyOpenedIsMissing() {
        assertThat(subject().next(newKey())).isEqualTo(new Allocation.Missing());
    }

    @Test
    void openingAnExistingCounterChangesNothing() {
        NumberSequence key = newKey();
        subject().open(key, 1000);
        subject().next(key);
        subject().next(key);

        subject().open(key, 5);

        assertThat(subject().next(key)).isEqualTo(new Allocation.Allocated(3));
    }

    @Test
    void nextPastTheCeilingIsExhaustedAndHandsOutNothing() {
        NumberSequence key = newKey();
        subject().open(key, 2);
        subject().next(key);
        subject().next(key);

        assertThat(subject().next(key)).isEqualTo(new Allocation.Exhausted(2));
        assertThat(subject().next(key)).isEqualTo(new Allocation.Exhausted(2));
    }

    @Test
    void raisingTheCeilingContinuesWhereTheCounterStopped() {
        NumberSequence key = newKey();
        subject().open(key, 2);
        subject().next(key);
        subject().next(key);
        subject().next(key);

        subject().raiseCeiling(key, 4);

        assertThat(List.of(subject().next(key), subject().next(key), subject().next(key))).containsExactly(
                new Allocation.Allocated(3), new Allocation.Allocated(4), new Allocation.Exhausted(4));
    }

    @Test
    void aLowerCeilingNeverLowersTheCurrentOne() {
        NumberSequence key = newKey();
        subject().open(key, 3);

        subject().raiseCeiling(key, 1);

        assertThat(List.of(subject().next(key), subject().next(key), subject().next(key), subject().next(key)))
                .containsExactly(new Allocation.Allocated(1), new Allocation.Allocated(2), new Allocation.Allocated(3),
                        new Allocation.Exhausted(3));
    }

    @Test
    void seededCounterIsExhaustedUntilItsCeilingIsRaisedThenContinuesAboveTheFloor() {
        NumberSequence key = newKey();

        subject().seed(key, 3000);

        assertThat(subject().next(key)).isEqualTo(new Allocation.Exhausted(3000));
        subject().raiseCeiling(key, 4000);
        assertThat(subject().next(key)).isEqualTo(new Allocation.Allocated(3001));
        assertThat(subject().next(key)).isEqualTo(new Allocation.Allocated(3002));
    }

    @Test
    void seedingACounterThatExistsNeverMovesItBack() {
        // Two API instances may both find the counter missing and both seed it: the second seed must not
        // rewind what the first one's numbers already used.
        NumberSequence key = newKey();
        subject().seed(key, 1000);
        subject().raiseCeiling(key, 2000);
        subject().next(key);
        subject().next(key);

        subject().seed(key, 1000);

        assertThat(subject().next(key)).isEqualTo(new Allocation.Allocated(1003));
    }

    @Test
    void raisingTheCeilingOfAMissingCounterDoesNotCreateIt() {
        NumberSequence key = newKey();

        subject().raiseCeiling(key, 5000);

        assertThat(subject().next(key)).isEqualTo(new Allocation.Missing());
    }

    @Test
    void countersOfDifferentSequencesAreIndependent() {
        NumberSequence chats = newKey();
        NumberSequence messagesOfChat1 = new NumberSequence(chats.app(), 1);
        NumberSequence otherApp = newKey();
        subject().open(chats, 1000);
        subject().open(messagesOfChat1, 1000);
        subject().open(otherApp, 1000);
        subject().next(chats);
        subject().next(chats);

        assertThat(subject().next(messagesOfChat1)).isEqualTo(new Allocation.Allocated(1));
        assertThat(subject().next(otherApp)).isEqualTo(new Allocation.Allocated(1));
        assertThat(subject().next(chats)).isEqualTo(new Allocation.Allocated(3));
    }

    @Test
    void concurrentNextCallsHandOutDistinctNumbersWithoutGaps() throws Exception {
        NumberSequence key = newKey();
        subject().open(key, 1000);
        int threads = 8;
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Long>> worker = () -> {
                    start.await();
                    List<Long> numbers = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        numbers.add(((Allocation.Allocated) subject().next(key)).number());
                    }
                    return numbers;
                };
                results.add(pool.submit(worker));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }

            assertThat(all).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
