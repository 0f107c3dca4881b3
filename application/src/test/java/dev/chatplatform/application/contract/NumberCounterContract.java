package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.NumberCounter;
import dev.chatplatform.application.port.out.NumberCounter.Allocation;
import dev.chatplatform.application.port.out.NumberSequence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** The counter's next allocation with its stamp set to 0, for the tests of numbers alone. */
    private Allocation next(NumberSequence key) {
        return unstamped(subject().next(key));
    }

    private Allocation next(NumberSequence key, long lowWater) {
        return unstamped(subject().next(key, lowWater));
    }

    /** The allocation with its stamp set to 0: what the tests of numbers compare. */
    public static Allocation unstamped(Allocation allocation) {
        return switch (allocation) {
            case Allocation.Allocated allocated -> new Allocation.Allocated(allocated.number(), 0);
            case Allocation.NearCeiling near -> new Allocation.NearCeiling(near.number(), 0, near.ceiling());
            default -> allocation;
        };
    }

    private NumberSequence newKey() {
        return NumberSequence.chatsOf(newApp());
    }

    @Test
    void openedCounterHandsOutOneTwoThree() {
        NumberSequence key = newKey();
        subject().open(key, 1000);

        assertThat(List.of(next(key), next(key), next(key))).containsExactly(
                new Allocation.Allocated(1, 0), new Allocation.Allocated(2, 0), new Allocation.Allocated(3, 0));
    }

    @Test
    void aLowWaterMarkSaysWhenTheCeilingIsNear() {
        NumberSequence key = newKey();
        subject().open(key, 10);

        for (long n = 1; n <= 5; n++) {
            assertThat(next(key, 5)).isEqualTo(new Allocation.Allocated(n, 0));
        }
        assertThat(next(key, 5)).as("4 left under the ceiling").isEqualTo(new Allocation.NearCeiling(6, 0, 10));
        assertThat(next(key)).as("no low-water mark: plain").isEqualTo(new Allocation.Allocated(7, 0));
        assertThat(next(key, 5)).isEqualTo(new Allocation.NearCeiling(8, 0, 10));
        subject().raiseCeiling(key, 20);
        assertThat(next(key, 5)).isEqualTo(new Allocation.Allocated(9, 0));
        assertThat(next(key, 5)).isEqualTo(new Allocation.Allocated(10, 0));
    }

    @Test
    void counterNobodyOpenedIsMissing() {
        assertThat(next(newKey())).isEqualTo(new Allocation.Missing());
    }

    @Test
    void openingAnExistingCounterChangesNothing() {
        NumberSequence key = newKey();
        subject().open(key, 1000);
        next(key);
        next(key);

        subject().open(key, 5);

        assertThat(next(key)).isEqualTo(new Allocation.Allocated(3, 0));
    }

    @Test
    void nextPastTheCeilingIsExhaustedAndHandsOutNothing() {
        NumberSequence key = newKey();
        subject().open(key, 2);
        next(key);
        next(key);

        assertThat(next(key)).isEqualTo(new Allocation.Exhausted(2));
        assertThat(next(key)).isEqualTo(new Allocation.Exhausted(2));
    }

    @Test
    void raisingTheCeilingContinuesWhereTheCounterStopped() {
        NumberSequence key = newKey();
        subject().open(key, 2);
        next(key);
        next(key);
        next(key);

        subject().raiseCeiling(key, 4);

        assertThat(List.of(next(key), next(key), next(key))).containsExactly(
                new Allocation.Allocated(3, 0), new Allocation.Allocated(4, 0), new Allocation.Exhausted(4));
    }

    @Test
    void aLowerCeilingNeverLowersTheCurrentOne() {
        NumberSequence key = newKey();
        subject().open(key, 3);

        subject().raiseCeiling(key, 1);

        assertThat(List.of(next(key), next(key), next(key), next(key)))
                .containsExactly(new Allocation.Allocated(1, 0), new Allocation.Allocated(2, 0), new Allocation.Allocated(3, 0),
                        new Allocation.Exhausted(3));
    }

    @Test
    void seededCounterIsExhaustedUntilItsCeilingIsRaisedThenContinuesAboveTheFloor() {
        NumberSequence key = newKey();

        subject().seed(key, 3000);

        assertThat(next(key)).isEqualTo(new Allocation.Exhausted(3000));
        subject().raiseCeiling(key, 4000);
        assertThat(next(key)).isEqualTo(new Allocation.Allocated(3001, 0));
        assertThat(next(key)).isEqualTo(new Allocation.Allocated(3002, 0));
    }

    @Test
    void seedingACounterThatExistsNeverMovesItBack() {
        // Two API instances may both find the counter missing and both seed it: the second seed must not
        // rewind what the first one's numbers already used.
        NumberSequence key = newKey();
        subject().seed(key, 1000);
        subject().raiseCeiling(key, 2000);
        next(key);
        next(key);

        subject().seed(key, 1000);

        assertThat(next(key)).isEqualTo(new Allocation.Allocated(1003, 0));
    }

    @Test
    void raisingTheCeilingOfAMissingCounterDoesNotCreateIt() {
        NumberSequence key = newKey();

        subject().raiseCeiling(key, 5000);

        assertThat(next(key)).isEqualTo(new Allocation.Missing());
    }

    @Test
    void countersOfDifferentSequencesAreIndependent() {
        NumberSequence chats = newKey();
        NumberSequence messagesOfChat1 = new NumberSequence(chats.app(), 1);
        NumberSequence otherApp = newKey();
        subject().open(chats, 1000);
        subject().open(messagesOfChat1, 1000);
        subject().open(otherApp, 1000);
        next(chats);
        next(chats);

        assertThat(next(messagesOfChat1)).isEqualTo(new Allocation.Allocated(1, 0));
        assertThat(next(otherApp)).isEqualTo(new Allocation.Allocated(1, 0));
        assertThat(next(chats)).isEqualTo(new Allocation.Allocated(3, 0));
    }

    @Test
    void concurrentNextCallsHandOutDistinctNumbersWithoutGaps() throws Exception {
        NumberSequence key = newKey();
        subject().open(key, 1000);

        List<Long> all = takeConcurrently(key, 8, 25).stream().map(Allocation.Allocated::number).toList();

        assertThat(all).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
    }

    @Test
    void eachNumberIsStampedWithTheCountersClockNeverBeforeTheNumberBeforeIt() throws Exception {
        NumberSequence key = newKey();
        subject().open(key, 10_000);
        long before = System.currentTimeMillis();

        List<Allocation.Allocated> all = new ArrayList<>(takeConcurrently(key, 8, 50));
        long after = System.currentTimeMillis();
        all.sort(Comparator.comparingLong(Allocation.Allocated::number));

        assertThat(all).extracting(Allocation.Allocated::stamp).isSorted()
                .allSatisfy(stamp -> assertThat(stamp).isBetween(before - 2_000, after + 2_000));
    }

    /** {@code threads} threads, started together, each taking {@code perThread} numbers: every allocation made. */
    private List<Allocation.Allocated> takeConcurrently(NumberSequence key, int threads, int perThread)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Allocation.Allocated>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Allocation.Allocated>> worker = () -> {
                    start.await();
                    List<Allocation.Allocated> taken = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        taken.add((Allocation.Allocated) subject().next(key));
                    }
                    return taken;
                };
                results.add(pool.submit(worker));
            }
            start.countDown();
            List<Allocation.Allocated> all = new ArrayList<>();
            for (Future<List<Allocation.Allocated>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNearCeilingAllocationIsStampedToo() {
        NumberSequence key = newKey();
        subject().open(key, 2);
        long stamp = ((Allocation.Allocated) subject().next(key)).stamp();

        Allocation near = subject().next(key, 5);

        assertThat(near).isInstanceOf(Allocation.NearCeiling.class);
        assertThat(((Allocation.NearCeiling) near).stamp()).isGreaterThanOrEqualTo(stamp);
    }
}
