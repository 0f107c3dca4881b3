package dev.chatplatform.domain.reaction;

import dev.chatplatform.domain.InvalidValueException;

import java.util.regex.Pattern;

/** {@code like}, {@code +1}, {@code thumbs_up}: 1..32 characters of {@code [a-z0-9_+-]}. */
public record ReactionType(String value) implements Comparable<ReactionType> {
    public static final int MAX_LENGTH = 32;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9_+-]{1," + MAX_LENGTH + "}");

    public ReactionType {
        if (value == null) {
            throw new InvalidValueException("type", "is required");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("type", "must be 1.." + MAX_LENGTH + " characters of a-z, 0-9, '_', '+', '-'");
        }
    }

    @Override
    public int compareTo(ReactionType other) {
        return value.compareTo(other.value);
    }
}
