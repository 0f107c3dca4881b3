package dev.chatplatform.domain.message;

import dev.chatplatform.domain.InvalidValueException;

import java.time.Instant;

/**
 * Which of a chat's messages a list returns: numbers strictly between {@code after} and {@code before}
 * and creation times from {@code since} to {@code until}, both inclusive. Each bound is optional
 * ({@code null}). A range that is empty is not an error: it lists nothing.
 */
public record MessageRange(Long before, Long after, Instant since, Instant until) {
    public static final MessageRange ALL = new MessageRange(null, null, null, null);

    public MessageRange {
        if (before != null && before < 1) {
            throw new InvalidValueException("before", "must be a positive message number");
        }
        if (after != null && after < 0) {
            throw new InvalidValueException("after", "must be a message number, or 0");
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
