package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.SequenceCounter;
import dev.chatplatform.application.port.out.SequenceCounter.Allocation;
import dev.chatplatform.application.port.out.SequenceKey;
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

/** What {@link SequenceCounter}'s Javadoc promises, for the fake and for Redis. */
public abstract class SequenceCounterContract extends PortContract {

    /** The counter under test; called once per test. */
    protected abstract SequenceCounter counter();

    private SequenceCounter counter;

    private SequenceCounter subject() {
        if (counter == null) {
            counter = counter();
        }
        return counter;
    }

    private SequenceKey newKey() {
        return SequenceKey.chatsOf(newApp());
    }

    @Test
    void openedCounterHandsOutOneTwoThree() {
        SequenceKey key = newKey();
        subject().open(key, 1000);

        assertThat(List.of(subject().next(key), subject().next(key), subject().next(key))).containsExactly(
                new Allocation.Allocated(1), new Allocation.Allocated(2), new Allocation.Allocated(3));
    }

    @Test
    void counterNobodyOpenedIsMissing() {
        assertThat(subject().next(newKey())).isEqualTo(new Allocation.Missing());
    }

    @Test
    void openingAnExistingCounterChangesNothing() {
        SequenceKey key = newKey();
        subject().open(key, 1000);
        subject().next(key);
        subject().next(key);

        subject().open(key, 5);

        assertThat(subject().next(key)).isEqualTo(new Allocation.Allocated(3));
    }

    @Test
    void nextPastTheCeilingIsExhaustedAndHandsOutNothing() {
        SequenceKey key = newKey();
        subject().open(key, 2);
        subject().next(key);
        subject().next(key);

        assertThat(subject().next(key)).isEqualTo(new Allocation.Exhausted(2));
        assertThat(subject().next(key)).isEqualTo(new Allocation.Exhausted(2));
    }

    @Test
    void raisingTheCeilingContinuesWhereTheCounterStopped() {
        SequenceKey key = newKey();
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
        SequenceKey key = newKey();
        subject().open(key, 3);

        subject().raiseCeiling(key, 1);

        assertThat(List.of(subject().next(key), subject().next(key), subject().next(key), subject().next(key)))
                .containsExactly(new Allocation.Allocated(1), new Allocation.Allocated(2), new Allocation.Allocated(3),
                        new Allocation.Exhausted(3));
    }

    @Test
    void seededCounterIsExhaustedUntilItsCeilingIsRaisedThenContinuesAboveTheFloor() {
        SequenceKey key = newKey();

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
        SequenceKey key = newKey();
        subject().seed(key, 1000);
        subject().raiseCeiling(key, 2000);
        subject().next(key);
        subject().next(key);

        subject().seed(key, 1000);

        assertThat(subject().next(key)).isEqualTo(new Allocation.Allocated(1003));
    }

    @Test
    void raisingTheCeilingOfAMissingCounterDoesNotCreateIt() {
        SequenceKey key = newKey();

        subject().raiseCeiling(key, 5000);

        assertThat(subject().next(key)).isEqualTo(new Allocation.Missing());
    }

    @Test
    void countersOfDifferentSequencesAreIndependent() {
        SequenceKey chats = newKey();
        SequenceKey messagesOfChat1 = new SequenceKey(chats.app(), 1);
        SequenceKey otherApp = newKey();
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
        SequenceKey key = newKey();
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
