package dev.chatplatform.application.port.out;

/**
 * A fast atomic counter (Redis) that may lose its state. Every counter holds its last number and a
 * ceiling it may not pass until the ceiling has been made durable in {@link NumberReservations}.
 * <p>
 * Each number comes with a stamp, the time it was handed out in epoch milliseconds, taken from the counter's
 * own clock in the same atomic step and never earlier than the stamp of the number before it: while a counter
 * lives, a later number never has an earlier time, however many processes take numbers and whatever their
 * clocks say. A chat's time order is then its number order, which makes a time window a range of numbers
 * (docs/decisions/0002-number-allocation-and-recovery.md).
 */
public interface NumberCounter {

    /** Atomically hands out the next number, or says why it cannot. */
    default Allocation next(NumberSequence key) {
        return next(key, 0);
    }

    /**
     * As {@link #next(NumberSequence)}, and says when fewer than {@code lowWater} numbers are left under the
     * ceiling after this one ({@link Allocation.NearCeiling}), so the caller can raise it before it is reached.
     */
    Allocation next(NumberSequence key, long lowWater);

    /** Creates a counter at zero for a new application or chat; does nothing if it exists. */
    void open(NumberSequence key, long ceiling);

    /** Recreates a lost counter at {@code floor}, which becomes both its last number and its ceiling. */
    void seed(NumberSequence key, long floor);

    /** Raises the ceiling to {@code ceiling} unless it is already higher. */
    void raiseCeiling(NumberSequence key, long ceiling);

    sealed interface Allocation {
        /** {@code stamp}: epoch milliseconds, at least the stamp of the number before. */
        record Allocated(long number, long stamp) implements Allocation {
        }

        /** Allocated, and the ceiling is near: fewer than the low-water mark of numbers are left under it. */
        record NearCeiling(long number, long stamp, long ceiling) implements Allocation {
        }

        /** The counter does not exist: a new scope nobody opened, or the counter store lost its data. */
        record Missing() implements Allocation {
        }

        /** The next number would pass the durable ceiling. */
        record Exhausted(long ceiling) implements Allocation {
        }
    }
}
