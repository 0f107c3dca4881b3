package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.out.NumberReservations;
import dev.chatplatform.application.port.out.NumberCounter;
import dev.chatplatform.application.port.out.NumberCounter.Allocation;
import dev.chatplatform.application.port.out.NumberSequence;

import java.util.function.BooleanSupplier;

/**
 * Hands out chat and message numbers: a Redis INCR in the common case, and a durable reservation in
 * MySQL once per {@link #BLOCK} numbers. A counter that Redis lost is rebuilt at its reservation, which
 * is at or above every number ever handed out, so a number never repeats; the price of a loss is a gap.
 * See docs/decisions/0002-number-allocation-and-recovery.md.
 */
public final class NumberAllocator {

    /** Numbers a counter may hand out past its durable reservation; a new counter starts with one block. */
    public static final long BLOCK = 1000;
    private static final int MAX_ATTEMPTS = 8;

    private final NumberCounter counter;
    private final NumberReservations reservations;

    public NumberAllocator(NumberCounter counter, NumberReservations reservations) {
        this.counter = counter;
        this.reservations = reservations;
    }

    /** Starts the counter of a scope that was just created, so its numbers start at 1. */
    public void open(NumberSequence key) {
        counter.open(key, BLOCK);
    }

    /**
     * The next number of the sequence. {@code scopeExists} is asked only when the counter is missing,
     * to tell a lost counter (rebuild it) from a scope that does not exist (404).
     */
    public long next(NumberSequence key, BooleanSupplier scopeExists, String scopeName) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Allocation allocation = counter.next(key);
            switch (allocation) {
                case Allocation.Allocated allocated -> {
                    return allocated.number();
                }
                case Allocation.Missing missing -> {
                    if (!scopeExists.getAsBoolean()) {
                        throw new NotFoundException(scopeName);
                    }
                    // A counter that was opened implicitly owns one block without a stored reservation.
                    counter.seed(key, Math.max(reservations.reservedUpTo(key), BLOCK));
                }
                case Allocation.Exhausted exhausted ->
                        counter.raiseCeiling(key, reservations.reserveUpTo(key, exhausted.ceiling() + BLOCK));
            }
        }
        throw new IllegalStateException("could not allocate a number for " + key + " after " + MAX_ATTEMPTS + " attempts");
    }
}
