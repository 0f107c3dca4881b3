package dev.chatplatform.application.service;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.fakes.FakeNumberReservations;
import dev.chatplatform.application.fakes.FakeNumberCounter;
import dev.chatplatform.application.port.out.NumberCounter.Allocation;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static dev.chatplatform.application.service.NumberAllocator.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberAllocatorTest {

    private final FakeNumberCounter counter = new FakeNumberCounter();
    private final FakeNumberReservations reservations = new FakeNumberReservations();
    /** Background top-ups never run here: each test below sees only what a request does itself. */
    private final NumberAllocator numbers = new NumberAllocator(counter, reservations, neverRun -> { });
    private final NumberSequence key = NumberSequence.messagesOf(new AppId(1), ChatNumber.of(1));

    @Test
    void theNextBlockIsReservedBeforeTheCeilingSoNoRequestWaitsForTheReservation() {
        NumberAllocator topped = new NumberAllocator(counter, reservations, Runnable::run);
        topped.open(key);

        long[] last = new long[1];
        for (long i = 1; i <= BLOCK - NumberAllocator.LOW_WATER + 1; i++) {
            last[0] = topped.next(key, () -> true, "chat").number();
        }
        assertThat(reservations.reservedUpTo(key)).as("reserved at the low-water mark").isEqualTo(2 * BLOCK);
        assertThat(counter.ceilingOf(key)).hasValue(2 * BLOCK);

        // MySQL away: numbers go on without it until the block runs out, even past the next low-water mark.
        reservations.outage().start();
        for (long n = last[0] + 1; n <= 2 * BLOCK; n++) {
            assertThat(topped.next(key, () -> true, "chat").number()).isEqualTo(n);
        }
        assertThatThrownBy(() -> topped.next(key, () -> true, "chat")).isInstanceOf(DependencyUnavailableException.class);
        reservations.outage().end();
        assertThat(topped.next(key, () -> true, "chat").number()).isEqualTo(2 * BLOCK + 1);
    }

    @Test
    void openedSequenceStartsAtOneWithOneBlockAndNoReservation() {
        numbers.open(key);

        assertThat(allocate(3)).containsExactly(1L, 2L, 3L);
        assertThat(counter.ceilingOf(key)).hasValue(BLOCK);
        assertThat(reservations.reservedUpTo(key)).isZero();
    }

    @Test
    void numbersRunOnAcrossBlocksAndNeverPassTheDurableReservation() {
        numbers.open(key);

        List<Long> handedOut = new ArrayList<>();
        for (int i = 0; i < 3500; i++) {
            long number = next();
            // The first block is owned without a stored reservation: it is what a rebuild starts above.
            assertThat(number).isLessThanOrEqualTo(Math.max(reservations.reservedUpTo(key), BLOCK));
            handedOut.add(number);
        }

        assertThat(handedOut).containsExactlyElementsOf(LongStream.rangeClosed(1, 3500).boxed().toList());
        assertThat(reservations.reservedUpTo(key)).isEqualTo(4 * BLOCK);
    }

    @Test
    void exhaustionReservesTheNextBlockDurablyBeforeRaisingTheCeiling() {
        numbers.open(key);
        allocate((int) BLOCK);
        reservations.outage().start();

        assertThatThrownBy(this::next).isInstanceOf(DependencyUnavailableException.class);
        assertThat(counter.ceilingOf(key)).hasValue(BLOCK);
        assertThat(counter.next(key)).isEqualTo(new Allocation.Exhausted(BLOCK));

        reservations.outage().end();
        assertThat(next()).isEqualTo(BLOCK + 1);
        assertThat(reservations.reservedUpTo(key)).isEqualTo(2 * BLOCK);
        assertThat(counter.ceilingOf(key)).hasValue(2 * BLOCK);
    }

    @Test
    void lostCounterIsRebuiltAboveEveryNumberEverHandedOut() {
        numbers.open(key);
        List<Long> before = allocate(2500);

        counter.loseEverything();
        List<Long> after = allocate(3);

        assertThat(after).containsExactly(3001L, 3002L, 3003L).doesNotContainAnyElementsOf(before);
    }

    @Test
    void lostCounterThatNeverReservedIsRebuiltAboveItsFirstBlock() {
        numbers.open(key);
        allocate(5);

        counter.loseEverything();

        assertThat(next()).isEqualTo(BLOCK + 1);
        assertThat(reservations.reservedUpTo(key)).isEqualTo(2 * BLOCK);
    }

    @Test
    void missingCounterOfAScopeThatDoesNotExistIsNotFoundAndCreatesNothing() {
        assertThatThrownBy(() -> numbers.next(key, () -> false, "chat"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("chat"));

        assertThat(counter.exists(key)).isFalse();
        assertThat(reservations.reservedUpTo(key)).isZero();
    }

    @Test
    void scopeIsAskedAboutOnlyWhenTheCounterIsMissing() {
        numbers.open(key);

        long number = numbers.next(key, () -> {
            throw new AssertionError("the common case must not look the scope up");
        }, "chat").number();

        assertThat(number).isEqualTo(1);
    }

    @Test
    void numbersNeverRepeatUnderConcurrencyAcrossBlocks() throws Exception {
        numbers.open(key);

        List<Long> all = concurrently(8, 400);

        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 3200).boxed().toList());
    }

    @Test
    void counterLostUnderManyConcurrentCallersNeverRepeatsANumber() throws Exception {
        numbers.open(key);
        List<Long> before = allocate(10);
        counter.loseEverything();

        List<Long> after = concurrently(8, 100);

        assertThat(after).doesNotHaveDuplicates().hasSize(800).doesNotContainAnyElementsOf(before)
                .allSatisfy(number -> assertThat(number).isGreaterThan(BLOCK));
    }

    private long next() {
        return numbers.next(key, () -> true, "chat").number();
    }

    private List<Long> allocate(int count) {
        List<Long> handedOut = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            handedOut.add(next());
        }
        return handedOut;
    }

    @Test
    void numbersNeverRepeatWithTopUpsRacingTheRequests() throws Exception {
        NumberAllocator topped = new NumberAllocator(counter, reservations); // top-ups on virtual threads
        topped.open(key);

        List<Long> all = concurrently(topped, 8, 1_000);

        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 8_000).boxed().toList());
        assertThat(reservations.reservedUpTo(key)).isGreaterThanOrEqualTo(8_000);
    }

    @Test
    void requestsThatReachTheCeilingTogetherMakeOneReservation() throws Exception {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        NumberAllocator slowMySql = new NumberAllocator(counter, new dev.chatplatform.application.port.out.NumberReservations() {
            @Override
            public long reservedUpTo(NumberSequence sequence) {
                return reservations.reservedUpTo(sequence);
            }

            @Override
            public long reserveUpTo(NumberSequence sequence, long upTo) {
                writes.incrementAndGet();
                try {
                    Thread.sleep(50); // a busy MySQL: the others reach the ceiling meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return reservations.reserveUpTo(sequence, upTo);
            }
        }, neverRun -> { });
        slowMySql.open(key);
        for (int i = 0; i < BLOCK; i++) {
            slowMySql.next(key, () -> true, "chat");
        }

        List<Long> past = concurrently(slowMySql, 8, 1);

        assertThat(past).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(BLOCK + 1, BLOCK + 8).boxed().toList());
        assertThat(writes).as("one reservation for the 8 requests at the ceiling").hasValue(1);
    }

    private List<Long> concurrently(int threads, int perThread) throws Exception {
        return concurrently(numbers, threads, perThread);
    }

    private List<Long> concurrently(NumberAllocator allocator, int threads, int perThread) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Long>> caller = () -> {
                    start.await();
                    List<Long> handedOut = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        handedOut.add(allocator.next(key, () -> true, "chat").number());
                    }
                    return handedOut;
                };
                results.add(pool.submit(caller));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
