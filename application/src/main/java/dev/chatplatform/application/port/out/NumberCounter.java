package dev.chatplatform.application.port.out;

/**
 * A fast atomic counter (Redis) that may lose its state. Every counter holds its last number and a
 * ceiling it may not pass until the ceiling has been made durable in {@link NumberReservations}.
 */
public interface NumberCounter {

    /** Atomically hands out the next number, or says why it cannot. */
    Allocation next(NumberSequence key);

    /** Creates a counter at zero for a new application or chat; does nothing if it exists. */
    void open(NumberSequence key, long ceiling);

    /** Recreates a lost counter at {@code floor}, which becomes both its last number and its ceiling. */
    void seed(NumberSequence key, long floor);

    /** Raises the ceiling to {@code ceiling} unless it is already higher. */
    void raiseCeiling(NumberSequence key, long ceiling);

    sealed interface Allocation {
        record Allocated(long number) implements Allocation {
        }

        /** The counter does not exist: a new scope nobody opened, or the counter store lost its data. */
        record Missing() implements Allocation {
        }

        /** The next number would pass the durable ceiling. */
        record Exhausted(long ceiling) implements Allocation {
        }
    }
}
