package dev.chatplatform.domain.message;

import dev.chatplatform.domain.InvalidValueException;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.BinaryOperator;

/**
 * Which of a chat's messages a list returns: numbers strictly between {@code after} and {@code before}
 * and creation times from {@code since} to {@code until}, both inclusive. Each bound is optional
 * ({@code null}). A range that is empty is not an error: it lists nothing.
 */
public record MessageRange(Long before, Long after, Instant since, Instant until) {
    public static final MessageRange ALL = new MessageRange(null, null, null, null);

    /**
     * The instants a time bound may name: years 1..9999. A store compares bounds with times it holds in
     * a bounded type (SQL DATETIME), and a bound past it is not compared as a time at all (MariaDB
     * truncates it: a since in year 10000 found every message).
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public MessageRange {
        if (before != null && before < 1) {
            throw new InvalidValueException("before", "must be a positive message number");
        }
        if (after != null && after < 0) {
            throw new InvalidValueException("after", "must be a message number, or 0");
        }
        requireSupported(since, "since");
        requireSupported(until, "until");
    }

    private static void requireSupported(Instant bound, String field) {
        if (bound != null && (bound.isBefore(EARLIEST) || bound.isAfter(LATEST))) {
            throw new InvalidValueException(field, "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    public boolean contains(Message message) {
        long number = message.number().value();
        return (before == null || number < before)
                && (after == null || number > after)
                && (since == null || !message.createdAt().isBefore(since))
                && (until == null || !message.createdAt().isAfter(until));
    }

    /** This range, further limited to numbers below {@code number} (where a page ended). */
    public MessageRange below(long number) {
        return new MessageRange(before == null ? number : Math.min(before, number), after, since, until);
    }

    /** The messages both ranges contain: each bound the narrower of the two. */
    public MessageRange narrowedTo(MessageRange other) {
        return new MessageRange(narrower(before, other.before, BinaryOperator.minBy(Comparator.naturalOrder())),
                narrower(after, other.after, BinaryOperator.maxBy(Comparator.naturalOrder())),
                narrower(since, other.since, BinaryOperator.maxBy(Comparator.naturalOrder())),
                narrower(until, other.until, BinaryOperator.minBy(Comparator.naturalOrder())));
    }

    private static <T> T narrower(T a, T b, BinaryOperator<T> both) {
        return a == null ? b : b == null ? a : both.apply(a, b);
    }

    /** The smallest number this range excludes from above: what a newest-first walk starts below. */
    public long upperExclusive() {
        return before == null ? Long.MAX_VALUE : before;
    }

    /** The largest number this range excludes from below. */
    public long lowerExclusive() {
        return after == null ? 0 : after;
    }

    public boolean isAll() {
        return equals(ALL);
    }
}
