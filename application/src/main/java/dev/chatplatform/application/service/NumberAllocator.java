package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.out.NumberReservations;
import dev.chatplatform.application.port.out.NumberCounter;
import dev.chatplatform.application.port.out.NumberCounter.Allocation;
import dev.chatplatform.application.port.out.NumberSequence;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.lang.System.Logger.Level;

/**
 * Hands out chat and message numbers: a Redis INCR in the common case, and a durable reservation in
 * MySQL once per block of numbers ({@link #BLOCK}, more for a sequence used fast: {@link BlockPace}). A
 * counter that Redis lost is rebuilt at its reservation, which is at or above every number ever handed out,
 * so a number never repeats; the price of a loss is a gap.
 * See docs/decisions/0002-number-allocation-and-recovery.md.
 */
public final class NumberAllocator {

    /**
     * Numbers a counter may hand out past its durable reservation; a new counter starts with one block. A
     * sequence used fast reserves several at a time ({@link BlockPace}).
     */
    public static final long BLOCK = 1000;
    /** Tries in a row that make no progress (the same ceiling, a missing counter) before giving up. */
    private static final int MAX_ATTEMPTS = 8;
    /** Tries in all, progress or not: a bound on one request's time under endless contention. */
    private static final int MAX_ROUNDS = 1_000;

    /** Fewer numbers than this left under the ceiling of a sequence of one block: the next is reserved in the background. */
    static final long LOW_WATER = BLOCK / 2;
    private static final System.Logger LOG = System.getLogger(NumberAllocator.class.getName());

    private final NumberCounter counter;
    private final NumberReservations reservations;
    private final Set<NumberSequence> toppingUp = ConcurrentHashMap.newKeySet();
    /** The reservation running for a sequence, which every request that finds the sequence exhausted awaits. */
    private final Map<NumberSequence, CompletableFuture<Void>> reserving = new ConcurrentHashMap<>();

    private final Executor topUps;
    private final BlockPace pace;

    public NumberAllocator(NumberCounter counter, NumberReservations reservations) {
        this(counter, reservations, task -> Thread.ofVirtual().name("number-top-up").start(task),
                new BlockPace(System::nanoTime));
    }

    /** {@code topUps}: where the background reservations run; blocks of {@link #BLOCK} (tests). */
    NumberAllocator(NumberCounter counter, NumberReservations reservations, Executor topUps) {
        this(counter, reservations, topUps, BlockPace.fixed());
    }

    /** {@code topUps}: where the background reservations run; {@code pace}: how many numbers each reserves. */
    NumberAllocator(NumberCounter counter, NumberReservations reservations, Executor topUps, BlockPace pace) {
        this.counter = counter;
        this.reservations = reservations;
        this.topUps = topUps;
        this.pace = pace;
    }

    /** Starts the counter of a scope that was just created, so its numbers start at 1. */
    public void open(NumberSequence key) {
        counter.open(key, BLOCK);
    }

    /** A number and its stamp: the time it was handed out, never earlier than the sequence's number before it. */
    public record Numbered(long number, Instant at) {
    }

    /**
     * The next number of the sequence. {@code scopeExists} is asked only when the counter is missing,
     * to tell a lost counter (rebuild it) from a scope that does not exist (404).
     */
    public Numbered next(NumberSequence key, BooleanSupplier scopeExists, String scopeName) {
        long ceilingSeen = Long.MIN_VALUE;
        for (int attempt = 0, rounds = 0; attempt < MAX_ATTEMPTS && rounds < MAX_ROUNDS; attempt++, rounds++) {
            Allocation allocation = counter.next(key, pace.lowWater(key));
            boolean waitedHereBefore = false;
            if (allocation instanceof Allocation.Exhausted exhausted) {
                if (exhausted.ceiling() > ceilingSeen) {
                    // Others took the block this request waited for: progress, not a failed attempt. Many requests
                    // racing through the blocks of one sequence (a CI run: 8 threads, 8 blocks) used to give up
                    // after 8 exhausted blocks in a row.
                    ceilingSeen = exhausted.ceiling();
                    attempt = 0;
                } else {
                    waitedHereBefore = true;
                }
            }
            switch (allocation) {
                case Allocation.Allocated allocated -> {
                    return new Numbered(allocated.number(), Instant.ofEpochMilli(allocated.stamp()));
                }
                case Allocation.NearCeiling near -> {
                    topUp(key, near.ceiling(), near.number());
                    return new Numbered(near.number(), Instant.ofEpochMilli(near.stamp()));
                }
                case Allocation.Missing missing -> {
                    if (!scopeExists.getAsBoolean()) {
                        throw new NotFoundException(scopeName);
                    }
                    // A counter that was opened implicitly owns one block without a stored reservation.
                    counter.seed(key, Math.max(reservations.reservedUpTo(key), BLOCK));
                }
                // The reservation this request joined at this ceiling did not raise it (one started for an older
                // ceiling by a request that was descheduled meanwhile): it reserves the next block itself.
                case Allocation.Exhausted exhausted -> {
                    if (waitedHereBefore) {
                        reserveNextBlock(key, exhausted.ceiling(), pace.block(key));
                    } else {
                        reserveOnce(key, exhausted.ceiling(), pace.block(key));
                    }
                }
            }
        }
        throw new IllegalStateException("could not allocate a number for " + key + " after " + MAX_ATTEMPTS
                + " attempts without progress or " + MAX_ROUNDS + " in all");
    }

    /**
     * Reserves the block after {@code ceiling} durably, then raises the counter's ceiling, off the request's
     * path and once per sequence at a time: in the steady state no request waits for MySQL (issue 11). A
     * request reaches {@link Allocation.Exhausted} and reserves itself only if the block runs out first.
     */
    private void topUp(NumberSequence key, long ceiling, long number) {
        if (!toppingUp.add(key)) {
            return;
        }
        long block = pace.startReservation(key, number);
        topUps.execute(() -> {
            try {
                reserveOnce(key, ceiling, block);
            } catch (RuntimeException e) {
                // The counter keeps its ceiling; a later allocation tries again, or reserves when exhausted.
                LOG.log(Level.WARNING, "could not reserve the next block of {0}: {1}", key, e.toString());
            } finally {
                toppingUp.remove(key);
            }
        });
    }

    /**
     * Reserves the block after {@code ceiling} and raises the counter's ceiling, or, if a reservation of the
     * sequence is running already, waits for that one instead: the requests that reach a ceiling together
     * make one MySQL write, not a queue of them on the same row. Throws what the reservation threw.
     */
    private void reserveOnce(NumberSequence key, long ceiling, long block) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = reserving.putIfAbsent(key, mine);
        if (running != null) {
            try {
                running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
            return; // the caller takes its number again, under the new ceiling
        }
        try {
            reserveNextBlock(key, ceiling, block);
            mine.complete(null);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reserving.remove(key, mine);
        }
    }

    /** Reserves {@code block} numbers after {@code ceiling} durably, then raises the counter's ceiling to what is reserved. */
    private void reserveNextBlock(NumberSequence key, long ceiling, long block) {
        counter.raiseCeiling(key, reservations.reserveUpTo(key, ceiling + block));
    }
}
