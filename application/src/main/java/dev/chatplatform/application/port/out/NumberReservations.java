package dev.chatplatform.application.port.out;

/**
 * Durable high-water marks of the number sequences (MySQL): every number ever handed out is at or
 * below its sequence's reservation, so a counter rebuilt from here never repeats a number.
 */
public interface NumberReservations {

    /** The reservation of the sequence, or 0 when none was ever written. */
    long reservedUpTo(NumberSequence key);

    /** Raises the reservation to at least {@code upTo} and returns the stored value. */
    long reserveUpTo(NumberSequence key, long upTo);
}
